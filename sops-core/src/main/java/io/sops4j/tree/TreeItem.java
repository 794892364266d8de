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

    public TreeItem {
        Objects.requireNonNull(key, "key");
    }

    public static TreeItem comment(Comment comment) {
        return new TreeItem(comment, null);
    }

    public boolean isComment() {
        return key instanceof Comment;
    }
}
