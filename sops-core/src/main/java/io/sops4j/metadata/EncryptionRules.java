package io.sops4j.metadata;

/**
 * Which values of a document are encrypted. At most one rule is set; with none,
 * {@code unencrypted_suffix: _unencrypted} applies. Each field is {@code null} when unset.
 */
public record EncryptionRules(
        String unencryptedSuffix,
        String encryptedSuffix,
        String unencryptedRegex,
        String encryptedRegex,
        String unencryptedCommentRegex,
        String encryptedCommentRegex) {

    public static final String DEFAULT_UNENCRYPTED_SUFFIX = "_unencrypted";

    public static EncryptionRules none() {
        return new EncryptionRules(null, null, null, null, null, null);
    }

    public static EncryptionRules defaults() {
        return none().withUnencryptedSuffix(DEFAULT_UNENCRYPTED_SUFFIX);
    }

    public EncryptionRules {
        unencryptedSuffix = emptyToNull(unencryptedSuffix);
        encryptedSuffix = emptyToNull(encryptedSuffix);
        unencryptedRegex = emptyToNull(unencryptedRegex);
        encryptedRegex = emptyToNull(encryptedRegex);
        unencryptedCommentRegex = emptyToNull(unencryptedCommentRegex);
        encryptedCommentRegex = emptyToNull(encryptedCommentRegex);
    }

    public EncryptionRules withUnencryptedSuffix(String v) {
        return new EncryptionRules(v, encryptedSuffix, unencryptedRegex, encryptedRegex, unencryptedCommentRegex, encryptedCommentRegex);
    }

    public EncryptionRules withEncryptedSuffix(String v) {
        return new EncryptionRules(unencryptedSuffix, v, unencryptedRegex, encryptedRegex, unencryptedCommentRegex, encryptedCommentRegex);
    }

    public EncryptionRules withUnencryptedRegex(String v) {
        return new EncryptionRules(unencryptedSuffix, encryptedSuffix, v, encryptedRegex, unencryptedCommentRegex, encryptedCommentRegex);
    }

    public EncryptionRules withEncryptedRegex(String v) {
        return new EncryptionRules(unencryptedSuffix, encryptedSuffix, unencryptedRegex, v, unencryptedCommentRegex, encryptedCommentRegex);
    }

    public EncryptionRules withUnencryptedCommentRegex(String v) {
        return new EncryptionRules(unencryptedSuffix, encryptedSuffix, unencryptedRegex, encryptedRegex, v, encryptedCommentRegex);
    }

    public EncryptionRules withEncryptedCommentRegex(String v) {
        return new EncryptionRules(unencryptedSuffix, encryptedSuffix, unencryptedRegex, encryptedRegex, unencryptedCommentRegex, v);
    }

    /** How many rules are set; more than one is a conflict (exit 8 on the command line). */
    public int count() {
        int n = 0;
        for (String rule : new String[] {unencryptedSuffix, encryptedSuffix, unencryptedRegex, encryptedRegex,
                unencryptedCommentRegex, encryptedCommentRegex}) {
            if (rule != null) {
                n++;
            }
        }
        return n;
    }

    public boolean isEmpty() {
        return count() == 0;
    }

    /** The rules as they apply: the default suffix when none is set. */
    public EncryptionRules effective() {
        return isEmpty() ? defaults() : this;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
