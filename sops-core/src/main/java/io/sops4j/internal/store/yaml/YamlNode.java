package io.sops4j.internal.store.yaml;

import io.sops4j.tree.Comment;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed YAML node with its position and the comments that belong to it, already placed the way
 * SOPS places yaml.v3's head, line and foot comments in its tree: {@link #leading} at the start of
 * a collection, {@link #before} item {@code i}, {@link #trailing} after the last item.
 */
final class YamlNode {

    enum Kind { SCALAR, MAPPING, SEQUENCE, ALIAS }

    final Kind kind;
    final int line;
    final int column;
    int endLine;
    boolean flow;

    String value;
    String tag = "";
    boolean plain;

    YamlNode alias;
    /** False for a collection until its end: an alias to it from inside would make it contain itself. */
    boolean complete;

    /** Mapping: key, value, key, value...; sequence: the items. */
    final List<YamlNode> children;
    // comment lists stay null until a comment is placed: most nodes of a large file have none
    private List<Comment> leading;
    private List<List<Comment>> before;
    private List<Comment> trailing;

    YamlNode parent;
    int index;
    boolean isKey;

    YamlNode(Kind kind, int line, int column) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.endLine = line;
        this.complete = kind == Kind.SCALAR || kind == Kind.ALIAS;
        this.children = kind == Kind.MAPPING || kind == Kind.SEQUENCE ? new ArrayList<>() : List.of();
    }

    List<Comment> leading() {
        return leading == null ? List.of() : leading;
    }

    List<Comment> before(int item) {
        List<Comment> comments = before == null || item >= before.size() ? null : before.get(item);
        return comments == null ? List.of() : comments;
    }

    List<Comment> trailing() {
        return trailing == null ? List.of() : trailing;
    }

    void addLeading(Comment comment) {
        if (leading == null) {
            leading = new ArrayList<>(2);
        }
        leading.add(comment);
    }

    void addBefore(int item, Comment comment) {
        if (before == null) {
            before = new ArrayList<>();
        }
        while (before.size() <= item) {
            before.add(null);
        }
        if (before.get(item) == null) {
            before.set(item, new ArrayList<>(2));
        }
        before.get(item).add(comment);
    }

    void addTrailing(Comment comment) {
        if (trailing == null) {
            trailing = new ArrayList<>(2);
        }
        trailing.add(comment);
    }

    boolean isCollection() {
        return kind == Kind.MAPPING || kind == Kind.SEQUENCE;
    }

    boolean isBlockCollection() {
        return isCollection() && !flow;
    }

    int itemCount() {
        return kind == Kind.MAPPING ? children.size() / 2 : children.size();
    }

    YamlNode itemValue(int i) {
        return kind == Kind.MAPPING ? children.get(2 * i + 1) : children.get(i);
    }

    int itemStart(int i) {
        return children.get(kind == Kind.MAPPING ? 2 * i : i).line;
    }

    int itemEnd(int i) {
        return itemValue(i).endLine;
    }

    /**
     * Lines of the items, computed once the collection is complete, for placing comments by binary
     * search; null when the items are not in line order (then callers scan).
     */
    ItemLines itemLines() {
        int count = itemCount();
        if (itemLines == null || itemLines.starts.length != count) {
            int[] starts = new int[count];
            int[] ends = new int[count];
            boolean ordered = true;
            for (int i = 0; i < count; i++) {
                starts[i] = itemStart(i);
                ends[i] = itemEnd(i);
                ordered &= starts[i] <= ends[i] && (i == 0 || starts[i - 1] <= starts[i] && ends[i - 1] <= ends[i]);
            }
            itemLines = new ItemLines(starts, ends, ordered);
        }
        return itemLines.ordered ? itemLines : null;
    }

    private ItemLines itemLines;

    /** Start and end lines of every item; in line order, both ascending. */
    record ItemLines(int[] starts, int[] ends, boolean ordered) {

        /** The first item ending on or after {@code line}, or the item count. */
        int firstEndingAtOrAfter(int line) {
            return firstAbove(ends, line - 1);
        }

        /** The first item starting after {@code line}, or the item count. */
        int firstStartingAfter(int line) {
            return firstAbove(starts, line);
        }

        private static int firstAbove(int[] sorted, int value) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] > value) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }
    }

    /** The column of the items of a block collection. */
    int indent() {
        if (kind == Kind.MAPPING && !children.isEmpty()) {
            return children.get(0).column;
        }
        return column;
    }

    void addChild(YamlNode child, boolean key) {
        child.parent = this;
        child.isKey = key;
        child.index = kind == Kind.MAPPING ? children.size() / 2 : children.size();
        children.add(child);
    }

    YamlNode target() {
        YamlNode node = this;
        while (node.kind == Kind.ALIAS) {
            node = node.alias;
        }
        return node;
    }
}
