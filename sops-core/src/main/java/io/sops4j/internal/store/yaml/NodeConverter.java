package io.sops4j.internal.store.yaml;

import io.sops4j.error.FormatException;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns parsed YAML documents into SOPS tree branches, with yaml.v3's decoding of scalars. */
final class NodeConverter {

    private static final String PREFIX = "Error unmarshaling input YAML: ";

    private NodeConverter() {
    }

    static TreeBranch document(YamlReader.Document document) {
        YamlNode root = document.root() == null ? null : document.root().target();
        TreeBranch branch = new TreeBranch();
        if (root == null || root.kind == YamlNode.Kind.SCALAR && scalar(root) == null) {
            for (Comment comment : document.comments()) {
                branch.add(comment, null);
            }
            return branch;
        }
        if (root.kind == YamlNode.Kind.SEQUENCE) {
            throw new FormatException(PREFIX + "YAML documents that are sequences are not supported");
        }
        if (root.kind == YamlNode.Kind.SCALAR) {
            throw new FormatException(PREFIX + "YAML documents that are values are not supported");
        }
        AliasBudget budget = new AliasBudget();
        budget.decode();
        branch = mapping(expand(document.root(), budget), budget);
        for (Comment comment : document.comments()) {
            branch.add(comment, null);
        }
        return branch;
    }

    /**
     * Counts {@code node} as decoded and, for an alias, its target as decoded through an alias;
     * returns the node to decode.
     */
    private static YamlNode expand(YamlNode node, AliasBudget budget) {
        budget.decode();
        if (node.kind != YamlNode.Kind.ALIAS) {
            return node;
        }
        budget.enterAlias();
        budget.decode();
        return node.target();
    }

    private static TreeBranch mapping(YamlNode node, AliasBudget budget) {
        TreeBranch branch = new TreeBranch();
        addComments(branch, node.leading());
        for (int i = 0; i < node.itemCount(); i++) {
            addComments(branch, node.before(i));
            YamlNode keyNode = node.children.get(2 * i);
            Object key = value(keyNode, budget);
            if (key == null) {
                throw new FormatException(PREFIX + "Tree contains a non-string key");
            }
            branch.add(key, value(node.children.get(2 * i + 1), budget));
        }
        addComments(branch, node.trailing());
        return branch;
    }

    private static void addComments(TreeBranch branch, List<Comment> comments) {
        for (Comment comment : comments) {
            branch.add(comment, null);
        }
    }

    private static List<Object> sequence(YamlNode node, AliasBudget budget) {
        List<Object> list = new ArrayList<>();
        list.addAll(node.leading());
        for (int i = 0; i < node.itemCount(); i++) {
            list.addAll(node.before(i));
            list.add(value(node.children.get(i), budget));
        }
        list.addAll(node.trailing());
        return list;
    }

    private static Object value(YamlNode node, AliasBudget budget) {
        YamlNode target = expand(node, budget);
        try {
            return switch (target.kind) {
                case MAPPING -> mapping(target, budget);
                case SEQUENCE -> sequence(target, budget);
                default -> scalar(target);
            };
        } finally {
            if (target != node) {
                budget.leaveAlias();
            }
        }
    }

    /** A scalar decoded into Go's {@code interface{}} the way yaml.v3 does it. */
    static Object scalar(YamlNode node) {
        YamlResolver.Resolved resolved;
        try {
            if (!node.tag.isEmpty()) {
                resolved = YamlResolver.resolve(node.tag, node.value);
                if (resolved.tag().equals(YamlResolver.BINARY)) {
                    return YamlResolver.decodeBinary(node.value);
                }
            } else if (!node.plain) {
                return node.value;
            } else {
                resolved = YamlResolver.resolve("", node.value);
            }
        } catch (IllegalArgumentException e) {
            throw new FormatException(PREFIX + "yaml: line " + (node.line + 1) + ": " + e.getMessage(), keyPath(node), null);
        }
        if (resolved.value() instanceof YamlResolver.Unsigned) {
            throw new FormatException(PREFIX + "Cannot walk value, unknown type: uint64 (line " + (node.line + 1) + ")",
                    keyPath(node), null);
        }
        return resolved.value();
    }

    /**
     * The checks of yaml.v3's {@code Decode(map[string]interface{})} that SOPS runs on the first
     * document before converting: duplicate mapping keys, and a root that is not a mapping.
     */
    static void checkFirstDocument(YamlReader.Document document) {
        List<String> errors = new ArrayList<>();
        YamlNode root = document.root() == null ? null : document.root().target();
        if (root != null) {
            if (root.kind == YamlNode.Kind.MAPPING) {
                AliasBudget budget = new AliasBudget();
                budget.decode();
                checkMapping(expand(document.root(), budget), errors, budget);
            } else if (root.kind == YamlNode.Kind.SEQUENCE) {
                errors.add("line " + (root.line + 1) + ": cannot unmarshal !!seq into map[string]interface {}");
            } else {
                Object value = scalar(root);
                if (value != null) {
                    String tag = root.tag.isEmpty() ? root.plain ? YamlResolver.resolve("", root.value).tag() : YamlResolver.STR : root.tag;
                    errors.add("line " + (root.line + 1) + ": cannot unmarshal " + tag + " into map[string]interface {}");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new FormatException("yaml: unmarshal errors:\n  " + String.join("\n  ", errors));
        }
    }

    private static void checkMapping(YamlNode mapping, List<String> errors, AliasBudget budget) {
        int before = errors.size();
        List<YamlNode> keys = new ArrayList<>();
        for (int i = 0; i < mapping.itemCount(); i++) {
            keys.add(mapping.children.get(2 * i));
        }
        int pairwise = hasDuplicateKey(keys) ? keys.size() : 0;
        for (int i = 0; i < pairwise; i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                YamlNode a = keys.get(i);
                YamlNode b = keys.get(j);
                if (a.kind == b.kind && a.value != null && a.value.equals(b.value)) {
                    errors.add("line " + (b.line + 1) + ": mapping key " + goQuote(b.value) + " already defined at line "
                            + (a.line + 1));
                }
            }
        }
        if (errors.size() > before) {
            return;
        }
        for (int i = 0; i < mapping.itemCount(); i++) {
            checkValue(mapping.children.get(2 * i), errors, budget);
            checkValue(mapping.children.get(2 * i + 1), errors, budget);
        }
    }

    /** One hashed pass, so that only mappings with a duplicate key pay for the pairwise report. */
    private static boolean hasDuplicateKey(List<YamlNode> keys) {
        Set<List<Object>> seen = new HashSet<>(keys.size() * 2);
        for (YamlNode key : keys) {
            if (key.value != null && !seen.add(List.of(key.kind, key.value))) {
                return true;
            }
        }
        return false;
    }

    private static void checkValue(YamlNode node, List<String> errors, AliasBudget budget) {
        YamlNode target = expand(node, budget);
        if (target.kind == YamlNode.Kind.MAPPING) {
            checkMapping(target, errors, budget);
        } else if (target.kind == YamlNode.Kind.SEQUENCE) {
            for (YamlNode item : target.children) {
                checkValue(item, errors, budget);
            }
        }
        if (target != node) {
            budget.leaveAlias();
        }
    }

    /**
     * The keys from the document's root down to {@code node}, joined with {@code :} as in the
     * values' additional data: where an error is, without the value that is there.
     */
    static String keyPath(YamlNode node) {
        Deque<String> keys = new ArrayDeque<>();
        for (YamlNode child = node, parent = node.parent; parent != null; child = parent, parent = parent.parent) {
            if (parent.kind == YamlNode.Kind.MAPPING && !child.isKey) {
                YamlNode key = parent.children.get(2 * child.index);
                keys.addFirst(key.kind == YamlNode.Kind.SCALAR ? key.value : "?");
            }
        }
        return String.join(":", keys);
    }

    /** Go's {@code %#v} of a string. */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
