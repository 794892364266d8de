package io.sops4j.internal.store;

import io.sops4j.error.FormatException;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The key flattening that INI and dotenv files use for their metadata, as upstream's
 * {@code stores/flatten.go}: a nested mapping key {@code k} becomes {@code __map_k}, a list index
 * {@code i} becomes {@code __list_i} (indices count non-comment elements only). Empty mappings and
 * lists leave no key. Unflattening rebuilds mappings with their keys in Go string order.
 */
public final class MetadataFlattening {

    static final String MAP_SEPARATOR = "__map_";
    static final String LIST_SEPARATOR = "__list_";

    private MetadataFlattening() {
    }

    /**
     * One item per scalar of {@code branch}, in tree order, keyed by {@code prefix} followed by its
     * flattened path. Comments are left out.
     *
     * @throws FormatException when two scalars get the same flattened key
     */
    public static TreeBranch flatten(TreeBranch branch, String prefix) {
        TreeBranch flat = new TreeBranch();
        Set<String> seen = new HashSet<>();
        for (TreeItem item : branch) {
            if (item.key() instanceof String key) {
                flattenValue(prefix + key, item.value(), flat, seen);
            }
        }
        return flat;
    }

    private static void flattenValue(String path, Object value, TreeBranch flat, Set<String> seen) {
        if (value instanceof TreeBranch nested) {
            for (TreeItem item : nested) {
                if (item.key() instanceof String key) {
                    flattenValue(path + MAP_SEPARATOR + key, item.value(), flat, seen);
                }
            }
        } else if (value instanceof List<?> list) {
            int index = 0;
            for (Object element : list) {
                if (element instanceof Comment) {
                    continue;
                }
                flattenValue(path + LIST_SEPARATOR + index, element, flat, seen);
                index++;
            }
        } else {
            if (!seen.add(path)) {
                throw new FormatException("Found key collision \"" + path + "\" while flattening");
            }
            flat.add(path, value);
        }
    }

    /**
     * The nested branch that {@link #flatten} turned into {@code branch}. Every key must start with
     * {@code prefix}, which is removed first; comments are ignored.
     *
     * @throws FormatException on a duplicate key ({@code Duplicate value}), a path used both as a
     *                         value and as a container or as a mapping and a list ({@code Type
     *                         mismatch}), or a list with missing indices ({@code Incomplete list})
     */
    public static TreeBranch unflatten(TreeBranch branch, String prefix) {
        MapNode root = new MapNode();
        Set<String> seen = new HashSet<>();
        for (TreeItem item : branch) {
            if (!(item.key() instanceof String key)) {
                continue;
            }
            if (!key.startsWith(prefix)) {
                throw new FormatException("Error while unflattening \"" + key + "\": key does not start with \"" + prefix + "\"");
            }
            if (!seen.add(key)) {
                throw new FormatException("Error while unflattening \"" + key + "\": Duplicate value");
            }
            insert(root, tokenize(key, key.substring(prefix.length())), item.value());
        }
        return root.toBranch();
    }

    private static List<Object> tokenize(String fullKey, String path) {
        List<Object> tokens = new ArrayList<>();
        int start = 0;
        boolean list = false;
        int i = 0;
        while (i < path.length()) {
            if (path.startsWith(MAP_SEPARATOR, i) || path.startsWith(LIST_SEPARATOR, i)) {
                tokens.add(token(fullKey, path.substring(start, i), list));
                list = path.startsWith(LIST_SEPARATOR, i);
                i += list ? LIST_SEPARATOR.length() : MAP_SEPARATOR.length();
                start = i;
            } else {
                i++;
            }
        }
        tokens.add(token(fullKey, path.substring(start), list));
        return tokens;
    }

    private static Object token(String fullKey, String text, boolean list) {
        if (!list) {
            return text;
        }
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FormatException("Error while unflattening \"" + fullKey + "\": invalid list index");
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new FormatException("Error while unflattening \"" + fullKey + "\": invalid list index");
        }
    }

    private static void insert(MapNode root, List<Object> tokens, Object value) {
        Object container = root;
        for (int i = 0; i < tokens.size(); i++) {
            Object token = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            Object next = last ? value : (tokens.get(i + 1) instanceof Long ? new ListNode() : new MapNode());
            Object existing = container instanceof MapNode map ? map.entries.get((String) token)
                    : ((ListNode) container).elements.get((Long) token);
            if (existing == null) {
                if (container instanceof MapNode map) {
                    map.entries.put((String) token, next == null ? NULL : next);
                } else {
                    ((ListNode) container).elements.put((Long) token, next == null ? NULL : next);
                }
                container = next;
            } else if (last || existing.getClass() != next.getClass()) {
                throw new FormatException("Error while unflattening: Type mismatch");
            } else {
                container = existing;
            }
        }
    }

    private static final Object NULL = new Object();

    private static Object build(Object node) {
        if (node instanceof MapNode map) {
            return map.toBranch();
        }
        if (node instanceof ListNode list) {
            List<Object> elements = new ArrayList<>(list.elements.size());
            long expected = 0;
            for (Map.Entry<Long, Object> entry : list.elements.entrySet()) {
                if (entry.getKey() != expected) {
                    throw new FormatException("Error while unflattening: Incomplete list");
                }
                elements.add(build(entry.getValue()));
                expected++;
            }
            return elements;
        }
        return node == NULL ? null : node;
    }

    private static final class MapNode {
        final Map<String, Object> entries = new TreeMap<>(MetadataFlattening::compareGo);

        TreeBranch toBranch() {
            TreeBranch branch = new TreeBranch();
            entries.forEach((key, node) -> branch.add(key, build(node)));
            return branch;
        }
    }

    private static final class ListNode {
        final Map<Long, Object> elements = new TreeMap<>();
    }

    /** Go's string order: byte-wise on UTF-8, which is code point order. */
    static int compareGo(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
