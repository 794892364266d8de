package io.sops4j.error;

/** The process exit codes of upstream sops ({@code cmd/sops/codes}), kept identical. */
public enum ExitCode {
    /** 1: any other failure, such as a config error, a file without {@code sops} metadata or a key {@code unset} cannot find. */
    GENERIC(1),
    /** 2: the input could not be read, or its plaintext (to encrypt or as edited) could not be parsed. */
    COULD_NOT_READ_INPUT_FILE(2),
    /** 3: the output or a temporary file could not be written. */
    COULD_NOT_WRITE_OUTPUT_FILE(3),
    /** 4: a document could not be written in the output format. */
    ERROR_DUMPING_TREE(4),
    /** 5: defined by upstream, which does not use it. */
    ERROR_READING_CONFIG(5),
    /** 6: a malformed {@code --encryption-context}. */
    INVALID_KMS_ENCRYPTION_CONTEXT_FORMAT(6),
    /** 7: a malformed {@code set} or {@code unset} index or value. */
    INVALID_SET_FORMAT(7),
    /**
     * 8: options that cannot be used together, such as {@code --in-place} with {@code --output}, or more
     * than one rule for what to encrypt.
     */
    CONFLICTING_PARAMETERS(8),
    /** 21: the MAC could not be encrypted. */
    ERROR_ENCRYPTING_MAC(21),
    /** 23: a value could not be encrypted. */
    ERROR_ENCRYPTING_TREE(23),
    /** 24: defined by upstream, which does not use it (a MAC that cannot be decrypted is a {@link #MAC_MISMATCH}). */
    ERROR_DECRYPTING_MAC(24),
    /** 25: a value could not be decrypted. */
    ERROR_DECRYPTING_TREE(25),
    /** 49: keys were to be added to or removed from a file that does not exist. */
    CANNOT_CHANGE_KEYS_FROM_NON_EXISTENT_FILE(49),
    /** 51: the stored MAC does not match the values, or cannot be decrypted. */
    MAC_MISMATCH(51),
    /** 52: defined by upstream, which does not use it. */
    MAC_NOT_FOUND(52),
    /** 61: defined by upstream, which does not use it. */
    CONFIG_FILE_NOT_FOUND(61),
    /** 85: defined by upstream, which does not use it. */
    KEYBOARD_INTERRUPT(85),
    /** 91: a malformed tree path, such as a bad {@code --extract}. */
    INVALID_TREE_PATH_FORMAT(91),
    /** 92: the input to encrypt holds no document. */
    NEED_AT_LEAST_ONE_DOCUMENT(92),
    /** 100: the file argument is missing, names a file that does not exist, or comes with the wrong number of arguments. */
    NO_FILE_SPECIFIED(100),
    /** 111: defined by upstream, which does not use it. */
    NO_ENCRYPTION_KEY_FOUND(111),
    /** 112: a key type listed twice in the decryption order. */
    DUPLICATE_DECRYPTION_KEY_TYPE(112),
    /** 128: no master key could decrypt the data key. */
    COULD_NOT_RETRIEVE_KEY(128),
    /** 200: the editor closed without changing the file. */
    FILE_HAS_NOT_BEEN_MODIFIED(200),
    /** 201: the editor could not be run. */
    NO_EDITOR_FOUND(201),
    /** 202: the version in an edited file could not be compared with sops4j's. */
    FAILED_TO_COMPARE_VERSIONS(202),
    /** 203: the input to encrypt already holds {@code sops} metadata. */
    FILE_ALREADY_ENCRYPTED(203);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /**
     * The number upstream sops exits with.
     *
     * @return the process exit status, 1 to 203
     */
    public int code() {
        return code;
    }
}
