package io.sops4j.config;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of loosely typed YAML values, with errors that name the field. */
final class ConfigValues {

    private ConfigValues() {
    }

    static Map<String, Object> map(Object value, String field) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw invalid(field, "a mapping");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        raw.forEach((k, v) -> map.put(String.valueOf(k), v));
        return map;
    }

    static List<Map<String, Object>> listOfMaps(Object value, String field) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (value == null) {
            return maps;
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(field, "a list");
        }
        for (Object element : list) {
            maps.add(element == null ? Map.of() : map(element, field));
        }
        return maps;
    }

    static String string(Object value, String field) {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw invalid(field, "a string");
    }

    /** A comma-separated string or a list of strings; entries trimmed, empty ones dropped. */
    static List<String> stringList(Object value, String field, boolean splitListEntries) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                String text = string(element, field);
                if (splitListEntries) {
                    addSplit(result, text);
                } else {
                    result.add(text);
                }
            }
            return result;
        }
        addSplit(result, string(value, field));
        return result;
    }

    private static void addSplit(List<String> result, String text) {
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                result.add(trimmed);
            }
        }
    }

    static int integer(Object value, String field) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        throw invalid(field, "an integer");
    }

    static boolean bool(Object value, String field) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalid(field, "a boolean");
    }

    private static SopsException invalid(String field, String expected) {
        return new SopsException(ExitCode.GENERIC, "Error unmarshalling config file: " + field + " must be " + expected);
    }
}
