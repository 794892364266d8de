package io.sops4j.internal.crypto;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sops4j.metadata.EncryptionRules;
import java.util.List;

/** Upstream's {@code shouldBeEncrypted}: decides per leaf from its key path and the comments above it. */
final class EncryptionPolicy {

    private final EncryptionRules rules;
    private final Pattern unencryptedRegex;
    private final Pattern encryptedRegex;
    private final Pattern unencryptedCommentRegex;
    private final Pattern encryptedCommentRegex;

    EncryptionPolicy(EncryptionRules rules) {
        this.rules = rules.effective();
        this.unencryptedRegex = compile(this.rules.unencryptedRegex());
        this.encryptedRegex = compile(this.rules.encryptedRegex());
        this.unencryptedCommentRegex = compile(this.rules.unencryptedCommentRegex());
        this.encryptedCommentRegex = compile(this.rules.encryptedCommentRegex());
    }

    /** An invalid pattern never matches, as {@code regexp.Match} errors are ignored upstream. */
    private static Pattern compile(String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Pattern.compile("a^");
        }
    }

    /**
     * What the key path decides, folded in one key at a time: each rule on keys asks whether any
     * component of the path matches, so a leaf needs only its parent's marks and its own key.
     */
    record PathMarks(boolean unencryptedSuffix, boolean encryptedSuffix, boolean unencryptedRegex,
            boolean encryptedRegex) {

        static final PathMarks ROOT = new PathMarks(false, false, false, false);
    }

    PathMarks extend(PathMarks parent, String key) {
        return new PathMarks(
                parent.unencryptedSuffix || rules.unencryptedSuffix() != null && key.endsWith(rules.unencryptedSuffix()),
                parent.encryptedSuffix || rules.encryptedSuffix() != null && key.endsWith(rules.encryptedSuffix()),
                parent.unencryptedRegex || unencryptedRegex != null && unencryptedRegex.matcher(key).find(),
                parent.encryptedRegex || encryptedRegex != null && encryptedRegex.matcher(key).find());
    }

    boolean shouldBeEncrypted(PathMarks path, List<List<String>> commentsStack, boolean isComment) {
        boolean encrypted = true;
        if (path.unencryptedSuffix()) {
            encrypted = false;
        }
        if (rules.encryptedSuffix() != null) {
            encrypted = path.encryptedSuffix();
        }
        if (path.unencryptedRegex()) {
            encrypted = false;
        }
        if (encryptedRegex != null) {
            encrypted = path.encryptedRegex();
        }
        if (unencryptedCommentRegex != null && anyCommentMatches(commentsStack, unencryptedCommentRegex, false)) {
            encrypted = false;
        }
        if (encryptedCommentRegex != null) {
            encrypted = anyCommentMatches(commentsStack, encryptedCommentRegex, isComment);
        }
        return encrypted;
    }

    /** Encryption must not produce a comment that would later read as "leave unencrypted". */
    boolean matchesUnencryptedCommentRegex(String text) {
        return unencryptedCommentRegex != null && unencryptedCommentRegex.matcher(text).find();
    }

    private static boolean anyCommentMatches(List<List<String>> stack, Pattern pattern, boolean skipOwnComment) {
        for (int i = 0; i < stack.size(); i++) {
            List<String> frame = stack.get(i);
            for (int j = 0; j < frame.size(); j++) {
                if (skipOwnComment && i == stack.size() - 1 && j == frame.size() - 1) {
                    continue;
                }
                if (pattern.matcher(frame.get(j)).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
