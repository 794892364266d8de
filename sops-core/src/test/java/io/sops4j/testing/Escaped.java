package io.sops4j.testing;

import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/** Generated test inputs written as ASCII Java-style literals, so a failing case can be pasted back into a test. */
public final class Escaped {

    private Escaped() {
    }

    public static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static String bytes(byte[] bytes) {
        return bytes.length + " bytes " + HexFormat.of().formatHex(bytes);
    }

    /** A tree value: strings escaped, branches as {@code {key: value, #"comment"}}, lists as {@code [..]}. */
    public static String value(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Comment c) {
            return (c.inline() ? "inline #" : "#") + text(c.value());
        }
        if (value instanceof TreeBranch branch) {
            StringJoiner items = new StringJoiner(", ", "{", "}");
            for (TreeItem item : branch) {
                items.add(item.isComment() ? value(item.key()) : value(item.key()) + ": " + value(item.value()));
            }
            return items.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner elements = new StringJoiner(", ", "[", "]");
            list.forEach(element -> elements.add(value(element)));
            return elements.toString();
        }
        if (value instanceof byte[] b) {
            return bytes(b);
        }
        return String.valueOf(value);
    }
}
