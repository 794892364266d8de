package io.sops4j.tree;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** An ordered mapping of a document: items keep their order, duplicate keys are kept. */
public final class TreeBranch implements Iterable<TreeItem> {

    private final List<TreeItem> items;

    /** An empty branch. */
    public TreeBranch() {
        this.items = new ArrayList<>();
    }

    /**
     * A branch holding {@code items} (not copied).
     *
     * @param items the items in order
     */
    public TreeBranch(List<TreeItem> items) {
        this.items = new ArrayList<>(items);
    }

    /**
     * The items in file order, comments included; changes show in this branch.
     *
     * @return the items in file order, comments included
     */
    public List<TreeItem> items() {
        return items;
    }

    /**
     * Appends an item; returns this branch.
     *
     * @param key the key
     * @param value the value
     * @return this branch
     */
    public TreeBranch add(Object key, Object value) {
        items.add(new TreeItem(key, value));
        return this;
    }

    /**
     * Appends an item; returns this branch.
     *
     * @param item the item
     * @return this branch
     */
    public TreeBranch add(TreeItem item) {
        items.add(item);
        return this;
    }

    /**
     * The value of the first item with this string key.
     *
     * @param key the key
     * @return the value of the first item with this string key
     */
    public Optional<Object> get(String key) {
        for (TreeItem item : items) {
            if (key.equals(item.key())) {
                return Optional.ofNullable(item.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an item has the key {@code key}.
     *
     * @param key the key
     * @return whether an item has the key {@code key}
     */
    public boolean containsKey(String key) {
        for (TreeItem item : items) {
            if (key.equals(item.key())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of items, comments included.
     *
     * @return the number of items, comments included
     */
    public int size() {
        return items.size();
    }

    /**
     * Whether the branch has no item.
     *
     * @return whether the branch has no item
     */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public Iterator<TreeItem> iterator() {
        return items.iterator();
    }

    /**
     * A deep copy: nested branches and lists are copied, scalars are shared (they are immutable).
     *
     * @return a deep copy
     */
    public TreeBranch deepCopy() {
        TreeBranch copy = new TreeBranch();
        for (TreeItem item : items) {
            copy.items.add(new TreeItem(item.key(), copyValue(item.value())));
        }
        return copy;
    }

    static Object copyValue(Object value) {
        if (value instanceof TreeBranch branch) {
            return branch.deepCopy();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copyValue(element));
            }
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeBranch other && TreeEquality.equal(items, other.items);
    }

    @Override
    public int hashCode() {
        return items.size();
    }

    @Override
    public String toString() {
        return "TreeBranch" + items;
    }
}
