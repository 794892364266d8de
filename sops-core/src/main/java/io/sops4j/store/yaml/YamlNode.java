package io.sops4j.store.yaml;

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

    /** Mapping: key, value, key, value...; sequence: the items. */
    final List<YamlNode> children = new ArrayList<>();
    final List<Comment> leading = new ArrayList<>();
    final List<List<Comment>> before = new ArrayList<>();
    final List<Comment> trailing = new ArrayList<>();

    YamlNode parent;
    int index;
    boolean isKey;

    YamlNode(Kind kind, int line, int column) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.endLine = line;
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
        if (kind == Kind.SEQUENCE || key) {
            before.add(new ArrayList<>());
        }
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
