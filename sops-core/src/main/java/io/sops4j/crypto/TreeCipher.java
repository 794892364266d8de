package io.sops4j.crypto;

import io.sops4j.ExitCode;
import io.sops4j.SopsException;
import io.sops4j.ValueDecryptionException;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

/**
 * Walks documents depth-first in document order, encrypting or decrypting every leaf the
 * {@link EncryptionRules} select, and computes the MAC on the way, exactly as upstream's tree walk.
 * Branches are changed in place; callers pass a copy when they need the original.
 */
public final class TreeCipher {

    private final ValueCipher cipher;
    private final EncryptionPolicy policy;
    private final boolean macOnlyEncrypted;

    public TreeCipher(ValueCipher cipher, EncryptionRules rules, boolean macOnlyEncrypted) {
        this.cipher = cipher;
        this.policy = new EncryptionPolicy(rules);
        this.macOnlyEncrypted = macOnlyEncrypted;
    }

    /** Encrypts every selected leaf; returns the MAC of the plaintext. */
    public String encrypt(List<TreeBranch> branches) {
        return new Walk(true).run(branches);
    }

    /** Decrypts every selected leaf; returns the MAC of the decrypted values. */
    public String decrypt(List<TreeBranch> branches) {
        return new Walk(false).run(branches);
    }

    /** Encrypts the MAC text with the {@code lastmodified} text as additional data. */
    public String encryptMac(String mac, String lastModified) {
        try {
            return cipher.encrypt(mac, lastModified);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SopsException(ExitCode.ERROR_ENCRYPTING_MAC, "Failed to encrypt MAC: " + e.getMessage(), e);
        }
    }

    /** Decrypts the stored MAC; {@code null} when it cannot be decrypted. */
    public String decryptMac(String encryptedMac, String lastModified) {
        try {
            Object mac = cipher.decrypt(encryptedMac, lastModified);
            return mac instanceof String s ? s : null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private final class Walk {

        private final boolean encrypting;
        private final Mac mac = new Mac(macOnlyEncrypted);

        Walk(boolean encrypting) {
            this.encrypting = encrypting;
        }

        String run(List<TreeBranch> branches) {
            for (TreeBranch branch : branches) {
                walkBranch(branch, new ArrayList<>(), new ArrayList<>());
            }
            return mac.value();
        }

        private void walkBranch(TreeBranch branch, List<String> path, List<List<String>> comments) {
            List<List<String>> stack = push(comments);
            List<String> frame = stack.get(stack.size() - 1);
            ListIterator<TreeItem> items = branch.items().listIterator();
            while (items.hasNext()) {
                TreeItem item = items.next();
                if (item.key() instanceof Comment comment) {
                    frame.add(comment.value());
                    Object result = leaf(comment, path, stack);
                    Comment replaced = result instanceof Comment c ? c : new Comment((String) result, comment.inline());
                    items.set(TreeItem.comment(replaced));
                    continue;
                }
                if (!(item.key() instanceof String key)) {
                    throw new SopsException(ExitCode.GENERIC, "Tree contains a non-string key (type "
                            + item.key().getClass().getSimpleName() + "). Only string keys are supported");
                }
                List<String> childPath = append(path, key);
                items.set(new TreeItem(key, walkValue(item.value(), childPath, stack)));
                frame.clear();
            }
        }

        private Object walkValue(Object value, List<String> path, List<List<String>> stack) {
            if (value == null) {
                return null;
            }
            if (value instanceof TreeBranch branch) {
                walkBranch(branch, path, stack);
                return branch;
            }
            if (value instanceof List<?> list) {
                @SuppressWarnings("unchecked")
                List<Object> elements = (List<Object>) list;
                walkList(elements, path, stack);
                return elements;
            }
            if (value instanceof String || value instanceof byte[] || value instanceof Long || value instanceof Double
                    || value instanceof Boolean || value instanceof OffsetDateTime || value instanceof Comment) {
                return leaf(value, path, stack);
            }
            throw new SopsException(ExitCode.GENERIC, "Cannot walk value, unknown type: "
                    + value.getClass().getSimpleName() + " at " + String.join(":", path));
        }

        private void walkList(List<Object> elements, List<String> path, List<List<String>> comments) {
            List<List<String>> stack = push(comments);
            List<String> frame = stack.get(stack.size() - 1);
            ListIterator<Object> it = elements.listIterator();
            while (it.hasNext()) {
                Object element = it.next();
                if (!encrypting && element instanceof String s && ValueCipher.isEncryptedComment(s)) {
                    element = new Comment(s, false);
                }
                boolean isComment = element instanceof Comment;
                if (isComment) {
                    frame.add(((Comment) element).value());
                }
                it.set(walkValue(element, path, stack));
                if (!isComment) {
                    frame.clear();
                }
            }
        }

        private Object leaf(Object value, List<String> path, List<List<String>> stack) {
            boolean isComment = value instanceof Comment;
            boolean encrypted = policy.shouldBeEncrypted(path, stack, isComment);
            return encrypting ? encryptLeaf(value, path, encrypted, isComment) : decryptLeaf(value, path, encrypted, isComment);
        }

        private Object encryptLeaf(Object value, List<String> path, boolean encrypted, boolean isComment) {
            if (!isComment) {
                mac.add(value, encrypted);
            }
            if (!encrypted) {
                return value;
            }
            String aad = additionalData(path);
            try {
                String result = cipher.encrypt(value, aad);
                if (isComment && policy.matchesUnencryptedCommentRegex(result)) {
                    throw new SopsException(ExitCode.ERROR_ENCRYPTING_TREE,
                            "Encrypted comment matches UnencryptedCommentRegex at " + keyPath(path));
                }
                return result;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new SopsException(ExitCode.ERROR_ENCRYPTING_TREE, "Could not encrypt value: " + e.getMessage(),
                        null, keyPath(path), e);
            }
        }

        private Object decryptLeaf(Object value, List<String> path, boolean encrypted, boolean isComment) {
            Object plain = value;
            if (encrypted) {
                String aad = additionalData(path);
                if (isComment) {
                    try {
                        plain = cipher.decrypt(((Comment) value).value(), aad);
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        plain = value;
                    }
                } else if (value instanceof String s) {
                    plain = decryptValue(s, aad, path);
                } else {
                    throw new ValueDecryptionException("Expected encrypted value as string, but got "
                            + ValueCodec.typeName(value), keyPath(path), null);
                }
            }
            if (!isComment && !(plain instanceof Comment)) {
                mac.add(plain, encrypted);
            }
            return plain;
        }

        private Object decryptValue(String encryptedText, String aad, List<String> path) {
            try {
                return cipher.decrypt(encryptedText, aad);
            } catch (GeneralSecurityException e) {
                throw new ValueDecryptionException("Could not decrypt value: authentication failed "
                        + "(wrong data key, tampered value or moved key)", keyPath(path), e);
            } catch (IllegalArgumentException e) {
                throw new ValueDecryptionException("Could not decrypt value: " + e.getMessage(), keyPath(path), e);
            }
        }
    }

    private static List<List<String>> push(List<List<String>> stack) {
        List<List<String>> copy = new ArrayList<>(stack);
        copy.add(new ArrayList<>());
        return copy;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> copy = new ArrayList<>(path.size() + 1);
        copy.addAll(path);
        copy.add(key);
        return copy;
    }

    static String additionalData(List<String> path) {
        return String.join(":", path) + ":";
    }

    private static String keyPath(List<String> path) {
        return String.join(":", path);
    }
}
