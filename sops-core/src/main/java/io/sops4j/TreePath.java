package io.sops4j;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into a document in upstream's {@code --extract} syntax: {@code ["app"]["db"][0]}. String
 * components are mapping keys, integer components are sequence indices.
 */
public record TreePath(List<Object> components) {

    /**
     * Copies {@code components}: {@link String} keys and {@link Integer} list indexes.
     *
     * @param components the keys (strings) and list indexes (integers) from the root
     */
    public TreePath {
        components = List.copyOf(components);
    }

    /**
     * Parses like upstream: split at every {@code [}, each piece ends with {@code ]}, quoted means key.
     *
     * @param text a path such as {@code ["app"]["hosts"][0]}
     * @return the path
     */
    public static TreePath parse(String text) {
        List<Object> components = new ArrayList<>();
        for (String piece : text.split("\\[", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            if (!piece.endsWith("]")) {
                throw new SopsException(ExitCode.INVALID_TREE_PATH_FORMAT,
                        "Error parsing tree path: component does not end with ']': " + piece);
            }
            String inner = piece.substring(0, piece.length() - 1);
            if (inner.startsWith("\"") || inner.startsWith("'")) {
                if (inner.length() < 2) {
                    throw new SopsException(ExitCode.INVALID_TREE_PATH_FORMAT, "Error parsing tree path: unterminated key");
                }
                components.add(inner.substring(1, inner.length() - 1));
            } else {
                try {
                    components.add(Integer.parseInt(inner));
                } catch (NumberFormatException e) {
                    throw new SopsException(ExitCode.INVALID_TREE_PATH_FORMAT,
                            "Error parsing tree path: '" + inner + "' is neither a quoted key nor an index");
                }
            }
        }
        return new TreePath(components);
    }

    /**
     * The value at this path in {@code branch}: a scalar, a {@link TreeBranch} or a list.
     *
     * @param branch the document to look in
     * @return the value at this path in {@code branch}
     */
    public Object resolve(TreeBranch branch) {
        Object current = branch;
        for (Object component : components) {
            if (component instanceof String key) {
                if (!(current instanceof TreeBranch mapping)) {
                    throw new SopsException(ExitCode.GENERIC, "component ['" + key + "'] is not a mapping key here");
                }
                current = find(mapping, key);
            } else {
                int index = (Integer) component;
                if (!(current instanceof List<?> list)) {
                    throw new SopsException(ExitCode.GENERIC, "component [" + index + "] is not a list index here");
                }
                if (index < 0 || index >= list.size()) {
                    throw new SopsException(ExitCode.GENERIC, "index " + index + " out of range");
                }
                current = list.get(index);
            }
        }
        return current;
    }

    private static Object find(TreeBranch mapping, String key) {
        for (TreeItem item : mapping) {
            if (key.equals(item.key())) {
                return item.value();
            }
        }
        throw new SopsException(ExitCode.GENERIC, "component ['" + key + "'] not found");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object component : components) {
            text.append(component instanceof String s ? "[\"" + s + "\"]" : "[" + component + "]");
        }
        return text.toString();
    }
}
