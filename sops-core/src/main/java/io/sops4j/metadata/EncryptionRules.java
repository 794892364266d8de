package io.sops4j.metadata;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;

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

    /** The suffix sops uses when a file names no rule: keys ending with it stay plaintext. */
    public static final String DEFAULT_UNENCRYPTED_SUFFIX = "_unencrypted";

    /**
     * No rule at all: every value is encrypted (binary files).
     *
     * @return no rule at all
     */
    public static EncryptionRules none() {
        return new EncryptionRules(null, null, null, null, null, null);
    }

    /**
     * What sops applies when no rule is given: {@link #DEFAULT_UNENCRYPTED_SUFFIX}.
     *
     * @return what sops applies when no rule is given
     */
    public static EncryptionRules defaults() {
        return none().withUnencryptedSuffix(DEFAULT_UNENCRYPTED_SUFFIX);
    }

    /**
     * Empty strings mean unset.
     *
     * @param unencryptedSuffix keys ending with it stay in clear
     * @param encryptedSuffix only keys ending with it are encrypted
     * @param unencryptedRegex keys matching it stay in clear
     * @param unencryptedCommentRegex values after a comment matching it stay in clear
     * @param encryptedCommentRegex only values after a comment matching it are encrypted
     * @param encryptedRegex only keys matching it are encrypted
     */
    public EncryptionRules {
        unencryptedSuffix = emptyToNull(unencryptedSuffix);
        encryptedSuffix = emptyToNull(encryptedSuffix);
        unencryptedRegex = emptyToNull(unencryptedRegex);
        encryptedRegex = emptyToNull(encryptedRegex);
        unencryptedCommentRegex = emptyToNull(unencryptedCommentRegex);
        encryptedCommentRegex = emptyToNull(encryptedCommentRegex);
    }

    /**
     * These rules with {@code unencrypted_suffix} set to {@code v}.
     *
     * @param v the suffix, empty to unset
     * @return these rules with {@code unencrypted_suffix} set to {@code v}
     */
    public EncryptionRules withUnencryptedSuffix(String v) {
        return new EncryptionRules(v, encryptedSuffix, unencryptedRegex, encryptedRegex, unencryptedCommentRegex, encryptedCommentRegex);
    }

    /**
     * These rules with {@code encrypted_suffix} set to {@code v}.
     *
     * @param v the suffix, empty to unset
     * @return these rules with {@code encrypted_suffix} set to {@code v}
     */
    public EncryptionRules withEncryptedSuffix(String v) {
        return new EncryptionRules(unencryptedSuffix, v, unencryptedRegex, encryptedRegex, unencryptedCommentRegex, encryptedCommentRegex);
    }

    /**
     * These rules with {@code unencrypted_regex} set to {@code v}.
     *
     * @param v the regex (RE2 syntax), empty to unset
     * @return these rules with {@code unencrypted_regex} set to {@code v}
     */
    public EncryptionRules withUnencryptedRegex(String v) {
        return new EncryptionRules(unencryptedSuffix, encryptedSuffix, v, encryptedRegex, unencryptedCommentRegex, encryptedCommentRegex);
    }

    /**
     * These rules with {@code encrypted_regex} set to {@code v}.
     *
     * @param v the regex (RE2 syntax), empty to unset
     * @return these rules with {@code encrypted_regex} set to {@code v}
     */
    public EncryptionRules withEncryptedRegex(String v) {
        return new EncryptionRules(unencryptedSuffix, encryptedSuffix, unencryptedRegex, v, unencryptedCommentRegex, encryptedCommentRegex);
    }

    /**
     * These rules with {@code unencrypted_comment_regex} set to {@code v}.
     *
     * @param v the regex (RE2 syntax), empty to unset
     * @return these rules with {@code unencrypted_comment_regex} set to {@code v}
     */
    public EncryptionRules withUnencryptedCommentRegex(String v) {
        return new EncryptionRules(unencryptedSuffix, encryptedSuffix, unencryptedRegex, encryptedRegex, v, encryptedCommentRegex);
    }

    /**
     * These rules with {@code encrypted_comment_regex} set to {@code v}.
     *
     * @param v the regex (RE2 syntax), empty to unset
     * @return these rules with {@code encrypted_comment_regex} set to {@code v}
     */
    public EncryptionRules withEncryptedCommentRegex(String v) {
        return new EncryptionRules(unencryptedSuffix, encryptedSuffix, unencryptedRegex, encryptedRegex, unencryptedCommentRegex, v);
    }

    /**
     * How many rules are set; more than one is a conflict (exit 8 on the command line).
     *
     * @return how many rules are set
     */
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

    /**
     * Whether no rule is set.
     *
     * @return whether no rule is set
     */
    public boolean isEmpty() {
        return count() == 0;
    }

    /**
     * The rules as they apply: the default suffix when none is set.
     *
     * @return the rules as they apply
     */
    public EncryptionRules effective() {
        return isEmpty() ? defaults() : this;
    }

    /**
     * Refuses a regex that Go's {@code regexp} (RE2 syntax) does not compile. Upstream lets such a
     * rule silently match nothing, so an invalid {@code encrypted_regex} leaves every value in
     * clear; a new file is not written under a rule that cannot work. Returns this.
     *
     * @return these rules
     */
    public EncryptionRules requireValidRegexes() {
        requireValid("unencrypted_regex", unencryptedRegex);
        requireValid("encrypted_regex", encryptedRegex);
        requireValid("unencrypted_comment_regex", unencryptedCommentRegex);
        requireValid("encrypted_comment_regex", encryptedCommentRegex);
        return this;
    }

    private static void requireValid(String name, String regex) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new SopsException(ExitCode.GENERIC, "invalid " + name + ": " + e.getMessage());
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
