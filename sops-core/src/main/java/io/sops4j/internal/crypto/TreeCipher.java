package io.sops4j.internal.crypto;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.error.ValueDecryptionException;
import io.sops4j.internal.go.GoTypes;
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

    /**
     * One key of the path being walked: {@code prefix} is the path up to and including it, each
     * key followed by {@code :} (upstream's additional data), {@code marks} what the policy's key
     * rules say of that path.
     */
    private record Depth(String prefix, EncryptionPolicy.PathMarks marks) {

        static final Depth ROOT = new Depth("", EncryptionPolicy.PathMarks.ROOT);
    }

    /**
     * One pass over the documents. The keys and the comments above the current item are kept as
     * stacks that grow on the way down and shrink on the way up, so a leaf costs no copying.
     */
    private final class Walk {

        private final boolean encrypting;
        private final Mac mac = new Mac(macOnlyEncrypted);
        private final List<Depth> depths = new ArrayList<>(List.of(Depth.ROOT));
        private final List<List<String>> stack = new ArrayList<>();

        Walk(boolean encrypting) {
            this.encrypting = encrypting;
        }

        String run(List<TreeBranch> branches) {
            for (TreeBranch branch : branches) {
                walkBranch(branch);
            }
            return mac.value();
        }

        private void walkBranch(TreeBranch branch) {
            List<String> frame = new ArrayList<>();
            stack.add(frame);
            ListIterator<TreeItem> items = branch.items().listIterator();
            while (items.hasNext()) {
                TreeItem item = items.next();
                if (item.key() instanceof Comment comment) {
                    frame.add(comment.value());
                    Object result = leaf(comment);
                    Comment replaced = result instanceof Comment c ? c : new Comment((String) result, comment.inline());
                    items.set(TreeItem.comment(replaced));
                    continue;
                }
                if (!(item.key() instanceof String key)) {
                    throw new SopsException(ExitCode.GENERIC, "Tree contains a non-string key (type "
                            + GoTypes.name(item.key()) + "). Only string keys are supported");
                }
                enter(key);
                items.set(new TreeItem(key, walkValue(item.value())));
                leave();
                frame.clear();
            }
            stack.remove(stack.size() - 1);
        }

        private void enter(String key) {
            Depth parent = depth();
            depths.add(new Depth(parent.prefix() + key + ":", policy.extend(parent.marks(), key)));
        }

        private void leave() {
            depths.remove(depths.size() - 1);
        }

        private Depth depth() {
            return depths.get(depths.size() - 1);
        }

        /** Upstream's {@code strings.Join(path, ":") + ":"}, which is {@code ":"} at the root. */
        private String currentAdditionalData() {
            String prefix = depth().prefix();
            return prefix.isEmpty() ? ":" : prefix;
        }

        private Object walkValue(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof TreeBranch branch) {
                walkBranch(branch);
                return branch;
            }
            if (value instanceof List<?> list) {
                @SuppressWarnings("unchecked")
                List<Object> elements = (List<Object>) list;
                walkList(elements);
                return elements;
            }
            if (value instanceof String || value instanceof byte[] || value instanceof Long || value instanceof Double
                    || value instanceof Boolean || value instanceof OffsetDateTime || value instanceof Comment) {
                return leaf(value);
            }
            throw new SopsException(ExitCode.GENERIC, "Cannot walk value, unknown type: "
                    + GoTypes.name(value) + " at " + keyPath());
        }

        private void walkList(List<Object> elements) {
            List<String> frame = new ArrayList<>();
            stack.add(frame);
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
                it.set(walkValue(element));
                if (!isComment) {
                    frame.clear();
                }
            }
            stack.remove(stack.size() - 1);
        }

        private Object leaf(Object value) {
            boolean isComment = value instanceof Comment;
            boolean encrypted = policy.shouldBeEncrypted(depth().marks(), stack, isComment);
            return encrypting ? encryptLeaf(value, encrypted, isComment) : decryptLeaf(value, encrypted, isComment);
        }

        private Object encryptLeaf(Object value, boolean encrypted, boolean isComment) {
            if (!isComment) {
                mac.add(value, encrypted);
            }
            if (!encrypted) {
                return value;
            }
            try {
                String result = cipher.encrypt(value, currentAdditionalData());
                if (isComment && policy.matchesUnencryptedCommentRegex(result)) {
                    throw new SopsException(ExitCode.ERROR_ENCRYPTING_TREE,
                            "Encrypted comment matches UnencryptedCommentRegex at " + keyPath());
                }
                return result;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new SopsException(ExitCode.ERROR_ENCRYPTING_TREE, "Could not encrypt value: " + e.getMessage(),
                        null, keyPath(), e);
            }
        }

        private Object decryptLeaf(Object value, boolean encrypted, boolean isComment) {
            Object plain = value;
            if (encrypted) {
                String aad = currentAdditionalData();
                if (isComment) {
                    try {
                        plain = cipher.decrypt(((Comment) value).value(), aad);
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        plain = value;
                    }
                } else if (value instanceof String s) {
                    plain = decryptValue(s, aad);
                } else {
                    throw new ValueDecryptionException("Expected encrypted value as string, but got "
                            + ValueCodec.typeName(value), keyPath(), null);
                }
            }
            if (!isComment && !(plain instanceof Comment)) {
                mac.add(plain, encrypted);
            }
            return plain;
        }

        private Object decryptValue(String encryptedText, String aad) {
            try {
                return cipher.decrypt(encryptedText, aad);
            } catch (GeneralSecurityException e) {
                throw new ValueDecryptionException("Could not decrypt value: authentication failed "
                        + "(wrong data key, tampered value or moved key)", keyPath(), e);
            } catch (IllegalArgumentException e) {
                throw new ValueDecryptionException("Could not decrypt value: " + e.getMessage(), keyPath(), e);
            }
        }

        private String keyPath() {
            String prefix = depth().prefix();
            return prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
        }
    }
}
