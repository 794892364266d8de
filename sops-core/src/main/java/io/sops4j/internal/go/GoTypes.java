package io.sops4j.internal.go;

import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.util.List;

/** The Go type ({@code %T}) upstream names in its messages for a value of the tree. */
public final class GoTypes {

    private GoTypes() {
    }

    public static String name(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof OffsetDateTime) {
            return "time.Time";
        }
        if (value instanceof byte[]) {
            return "[]uint8";
        }
        if (value instanceof TreeBranch) {
            return "sops.TreeBranch";
        }
        if (value instanceof List<?>) {
            return "[]interface {}";
        }
        if (value instanceof Comment) {
            return "sops.Comment";
        }
        return "unsupported value";
    }
}
