package io.sops4j.internal.go;

import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

/** Go's {@code json.Marshal} of a tree value (compact, HTML-safe escaping), as the INI store emits single values. */
public final class GoJson {

    private GoJson() {
    }

    public static String marshal(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(GoFormat.formatFloatJson(d));
        } else if (value instanceof OffsetDateTime t) {
            string(GoFormat.formatTime(t), out);
        } else if (value instanceof byte[] bytes) {
            string(Base64.getEncoder().encodeToString(bytes), out);
        } else if (value instanceof Comment c) {
            out.append("{\"Value\":");
            string(c.value(), out);
            out.append('}');
        } else if (value instanceof TreeBranch branch) {
            out.append('[');
            boolean first = true;
            for (TreeItem item : branch) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append("{\"Key\":");
                write(item.key(), out);
                out.append(",\"Value\":");
                write(item.value(), out);
                out.append('}');
            }
            out.append(']');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        GoJsonStrings.appendQuoted(out, s);
    }
}
