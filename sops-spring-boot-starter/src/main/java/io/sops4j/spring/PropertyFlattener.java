package io.sops4j.spring;

import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decrypted document into property names the way Boot's YAML loader does: nested keys
 * joined with dots, list elements as {@code name[0]}, an empty list as the empty string, empty
 * mappings left out, comments skipped.
 */
final class PropertyFlattener {

    /** RFC 3339 with up to nine fraction digits, as {@code sops decrypt} writes a time. */
    private static final DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private PropertyFlattener() {
    }

    static Map<String, Object> flatten(TreeBranch document) {
        Map<String, Object> properties = new LinkedHashMap<>();
        flattenBranch(properties, document, "");
        return properties;
    }

    private static void flattenBranch(Map<String, Object> properties, TreeBranch branch, String path) {
        for (TreeItem item : branch) {
            if (item.key() instanceof String key) {
                flattenValue(properties, item.value(), join(path, key));
            }
        }
    }

    private static void flattenValue(Map<String, Object> properties, Object value, String name) {
        if (value instanceof TreeBranch branch) {
            flattenBranch(properties, branch, name);
        } else if (value instanceof List<?> list) {
            int index = 0;
            for (Object element : list) {
                if (!(element instanceof Comment)) {
                    flattenValue(properties, element, name + "[" + index++ + "]");
                }
            }
            if (index == 0) {
                properties.put(name, "");
            }
        } else {
            properties.put(name, scalar(value));
        }
    }

    private static Object scalar(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime time) {
            return RFC3339_NANO.format(time);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value;
    }

    private static String join(String path, String key) {
        if (path.isEmpty()) {
            return key;
        }
        return key.startsWith("[") ? path + key : path + "." + key;
    }
}
