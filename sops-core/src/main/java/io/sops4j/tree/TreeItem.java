package io.sops4j.tree;

import java.util.Objects;

/**
 * One entry of a {@link TreeBranch}: a key with its value, or a {@link Comment} standing where a
 * key would be (its value is then {@code null}).
 *
 * <p>Values are {@code null}, {@link String}, {@link Long}, {@link Double}, {@link Boolean},
 * {@link java.time.OffsetDateTime}, {@code byte[]}, {@link TreeBranch} or a {@link java.util.List}
 * of values and comments.
 */
public record TreeItem(Object key, Object value) {

    /**
     * The key must not be {@code null}.
     *
     * @param value the value
     * @param key the key, or {@code null} for an item that is only a comment
     */
    public TreeItem {
        Objects.requireNonNull(key, "key");
    }

    /**
     * An item that is only a comment.
     *
     * @param comment the comment
     * @return an item that is only a comment
     */
    public static TreeItem comment(Comment comment) {
        return new TreeItem(comment, null);
    }

    /**
     * Whether this item is a comment rather than a key and value.
     *
     * @return whether this item is a comment rather than a key and value
     */
    public boolean isComment() {
        return key instanceof Comment;
    }
}
