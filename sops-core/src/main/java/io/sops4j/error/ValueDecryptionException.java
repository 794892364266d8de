package io.sops4j.error;

import java.nio.file.Path;

/** A value of the document could not be decrypted: wrong key, tampered data or a malformed ENC string. */
public class ValueDecryptionException extends SopsException {

    public ValueDecryptionException(String message) {
        super(ExitCode.ERROR_DECRYPTING_TREE, message);
    }

    public ValueDecryptionException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public ValueDecryptionException(String message, String keyPath, Throwable cause) {
        super(ExitCode.ERROR_DECRYPTING_TREE, message, null, keyPath, cause);
    }

    public ValueDecryptionException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(exitCode, message, file, keyPath, cause);
    }
}
