package io.sops4j.internal.store.json;

import io.sops4j.internal.go.GoFormat;
import io.sops4j.internal.go.GoJsonStrings;
import io.sops4j.internal.text.RawText;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes values as upstream's JSON store does: Go's {@code json.Marshal} for scalars, objects and
 * arrays built member by member (comments skipped), then laid out by {@code json.Indent}.
 */
final class JsonTreeWriter {

    /** An encoding failure with upstream's error text, and the key path of the value when one applies. */
    static final class EncodeException extends Exception {
        private final String keyPath;

        EncodeException(String message) {
            this(message, null);
        }

        EncodeException(String message, String keyPath) {
            super(message, null, false, false);
            this.keyPath = keyPath;
        }

        String keyPath() {
            return keyPath;
        }
    }

    private final String indent;
    private final StringBuilder out = new StringBuilder();
    /** The keys from the root to the value being written. */
    private final List<String> keys = new ArrayList<>();

    private JsonTreeWriter(String indent) {
        this.indent = indent;
    }

    /** The indented JSON text of {@code value}, followed by {@code end}. */
    static String write(Object value, String indent, String end) throws EncodeException {
        JsonTreeWriter writer = new JsonTreeWriter(indent);
        writer.value(value, 0);
        return writer.out.append(end).toString();
    }

    private void value(Object value, int depth) throws EncodeException {
        if (value instanceof TreeBranch branch) {
            object(branch, depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else {
            scalar(value);
        }
    }

    private void object(TreeBranch branch, int depth) throws EncodeException {
        List<TreeItem> members = new ArrayList<>();
        for (TreeItem item : branch) {
            if (!item.isComment()) {
                members.add(item);
            }
        }
        if (members.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            TreeItem item = members.get(i);
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            if (!(item.key() instanceof String key)) {
                throw new EncodeException("Error encoding key: Tree contains a non-string key");
            }
            GoJsonStrings.appendQuoted(out, key);
            out.append(": ");
            keys.add(key);
            try {
                value(item.value(), depth + 1);
            } catch (EncodeException e) {
                throw new EncodeException("Error encoding value : " + e.getMessage(), e.keyPath());
            }
            keys.remove(keys.size() - 1);
        }
        newline(depth);
        out.append('}');
    }

    private void array(List<?> list, int depth) throws EncodeException {
        List<Object> elements = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Comment)) {
                elements.add(element);
            }
        }
        if (elements.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            value(elements.get(i), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append(indent);
        }
    }

    private void scalar(Object value) throws EncodeException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            GoJsonStrings.appendQuoted(out, s);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new EncodeException("json: unsupported value: " + GoFormat.formatFloatG(d, false));
            }
            out.append(GoFormat.formatFloatJson(d));
        } else if (value instanceof OffsetDateTime time) {
            int year = time.getYear();
            if (year < 0 || year > 9999) {
                throw new EncodeException("json: error calling MarshalJSON for type time.Time: "
                        + "Time.MarshalJSON: year outside of range [0,9999]");
            }
            GoJsonStrings.appendQuoted(out, GoFormat.formatTime(time));
        } else if (value instanceof byte[] bytes) {
            if (RawText.firstInvalidByte(bytes) >= 0) {
                // Go's json.Marshal would put U+FFFD in place of such bytes: the value would be lost without a word
                throw new EncodeException("the value is not valid UTF-8, which JSON text cannot hold without "
                        + "changing it; write it as dotenv, INI or YAML instead", String.join(":", keys));
            }
            GoJsonStrings.appendQuoted(out, new String(bytes, StandardCharsets.UTF_8));
        } else {
            throw new EncodeException("json: unsupported type: " + value.getClass().getName());
        }
    }
}
