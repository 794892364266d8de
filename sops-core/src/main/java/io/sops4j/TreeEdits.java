package io.sops4j;

import io.sops4j.error.ExitCode;
import io.sops4j.error.KeyNotFoundException;
import io.sops4j.error.SopsException;
import io.sops4j.internal.go.GoTypes;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.util.ArrayList;
import java.util.List;

/** Upstream's {@code TreeBranch.Set} and {@code Unset}: change one value of a document by path. */
final class TreeEdits {

    private TreeEdits() {
    }

    /**
     * Sets the value at {@code path}, creating missing mapping keys (appended at the end of their
     * mapping) and list elements (an index at or past the end appends).
     */
    static void set(TreeBranch branch, List<Object> path, Object value) {
        if (path.isEmpty()) {
            throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid --set index: the path is empty");
        }
        setIn(branch, path, 0, value);
    }

    private static Object setIn(Object node, List<Object> path, int depth, Object value) {
        Object component = path.get(depth);
        boolean last = depth == path.size() - 1;
        if (node instanceof TreeBranch mapping) {
            if (!(component instanceof String key)) {
                throw new SopsException(ExitCode.INVALID_SET_FORMAT,
                        "Invalid --set index: component [" + component + "] is a list index but " + prefix(path, depth)
                                + " is a mapping");
            }
            List<TreeItem> items = mapping.items();
            for (int i = 0; i < items.size(); i++) {
                if (key.equals(items.get(i).key())) {
                    Object replacement = last ? value : setIn(items.get(i).value(), path, depth + 1, value);
                    items.set(i, new TreeItem(key, replacement));
                    return mapping;
                }
            }
            mapping.add(key, last ? value : build(path, depth + 1, value));
            return mapping;
        }
        if (node instanceof List<?> list) {
            if (!(component instanceof Integer index)) {
                throw new SopsException(ExitCode.INVALID_SET_FORMAT,
                        "Invalid --set index: component ['" + component + "'] is a mapping key but " + prefix(path, depth)
                                + " is a list");
            }
            if (index < 0) {
                throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid --set index: negative index " + index);
            }
            List<Object> copy = new ArrayList<>(list);
            if (index >= copy.size()) {
                copy.add(last ? value : build(path, depth + 1, value));
            } else {
                copy.set(index, last ? value : setIn(copy.get(index), path, depth + 1, value));
            }
            return copy;
        }
        return build(path, depth, value);
    }

    /** The structure that holds {@code value} at {@code path[depth..]} when none of it exists yet. */
    private static Object build(List<Object> path, int depth, Object value) {
        Object inner = depth == path.size() - 1 ? value : build(path, depth + 1, value);
        Object component = path.get(depth);
        if (component instanceof Integer) {
            List<Object> list = new ArrayList<>();
            list.add(inner);
            return list;
        }
        return new TreeBranch().add(component, inner);
    }

    /** Removes the item or element at {@code path}; fails with upstream's messages when it is absent. */
    static void unset(TreeBranch branch, List<Object> path) {
        if (path.isEmpty()) {
            throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid index: the path is empty");
        }
        unsetIn(branch, path, 0);
    }

    private static Object unsetIn(Object node, List<Object> path, int depth) {
        Object component = path.get(depth);
        boolean last = depth == path.size() - 1;
        if (node instanceof TreeBranch mapping) {
            List<TreeItem> items = mapping.items();
            for (int i = 0; i < items.size(); i++) {
                if (component.equals(items.get(i).key())) {
                    if (last) {
                        items.remove(i);
                    } else {
                        items.set(i, new TreeItem(component, unsetIn(items.get(i).value(), path, depth + 1)));
                    }
                    return mapping;
                }
            }
            throw new KeyNotFoundException("Key not found: " + component);
        }
        if (node instanceof List<?> list && component instanceof Integer index) {
            if (index < 0 || index >= list.size()) {
                throw new KeyNotFoundException("Index " + index + " out of bounds");
            }
            List<Object> copy = new ArrayList<>(list);
            if (last) {
                copy.remove((int) index);
            } else {
                copy.set(index, unsetIn(copy.get(index), path, depth + 1));
            }
            return copy;
        }
        throw new KeyNotFoundException("Unsupported type " + GoTypes.name(node) + " for key '" + component + "'");
    }

    private static String prefix(List<Object> path, int depth) {
        return depth == 0 ? "the document" : new TreePath(path.subList(0, depth)).toString();
    }
}
