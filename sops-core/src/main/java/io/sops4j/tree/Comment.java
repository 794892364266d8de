package io.sops4j.tree;

import java.util.Objects;

/**
 * A comment line of a document. In a {@link TreeBranch} a comment takes the place of a key and its
 * item has no value; in a sequence it is an element. {@code value} is the text after the comment
 * marker, exactly as the store read it (YAML keeps the space after {@code #}).
 *
 * @param value  the comment text
 * @param inline true for a YAML comment on the same line as the value it follows
 */
public record Comment(String value, boolean inline) {

    /**
     * The text must not be {@code null}.
     *
     * @param value the comment text without its marker
     * @param inline whether the comment follows a value on the same line
     */
    public Comment {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A comment on a line of its own.
     *
     * @param value the comment text without its marker
     * @return a comment on a line of its own
     */
    public static Comment of(String value) {
        return new Comment(value, false);
    }
}
