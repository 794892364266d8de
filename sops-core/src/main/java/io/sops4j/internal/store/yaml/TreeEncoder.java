package io.sops4j.internal.store.yaml;

import io.sops4j.internal.go.GoFormat;
import io.sops4j.internal.text.RawText;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns SOPS tree values into yaml.v3 emitter events the way SOPS builds its {@code yaml.Node}
 * tree (comments become head, line and foot comments of the neighbouring nodes) and yaml.v3's
 * encoder streams it (a key's foot comment travels as the "tail" of the next event).
 */
final class TreeEncoder {

    private final Consumer<EmitEvent> events;

    TreeEncoder(Consumer<EmitEvent> events) {
        this.events = events;
    }

    /**
     * A node of the SOPS-built yaml.Node tree. A collection's items are built only when it is
     * streamed, so that only the path from the root to the current value exists at any time.
     */
    private static final class Node {
        /** The scalar, the {@link TreeBranch} or the list. */
        final Object value;
        List<Node> content = List.of();
        String head = "";
        String line = "";
        String foot = "";

        Node(Object value) {
            this.value = value;
        }

        boolean isMapping() {
            return value instanceof TreeBranch;
        }

        boolean isSequence() {
            return value instanceof List<?>;
        }
    }

    void document(TreeBranch branch) {
        events.accept(new EmitEvent(EmitEvent.Type.DOCUMENT_START));
        emit(new Node(branch), "");
        events.accept(new EmitEvent(EmitEvent.Type.DOCUMENT_END));
    }

    void value(Object value) {
        events.accept(new EmitEvent(EmitEvent.Type.DOCUMENT_START));
        emit(new Node(value), "");
        events.accept(new EmitEvent(EmitEvent.Type.DOCUMENT_END));
    }

    private static String joined(List<String> comments) {
        return "#" + String.join("\n#", comments);
    }

    /**
     * A collection's own leading comments are added when it is expanded, after its parent placed
     * the comments above it, and follow those.
     */
    private static void addHead(Node node, List<String> comments) {
        if (!comments.isEmpty()) {
            String comment = joined(comments);
            node.head = node.head.isEmpty() ? comment : node.head + "\n" + comment;
            comments.clear();
        }
    }

    private static void addFoot(Node node, List<String> comments) {
        if (!comments.isEmpty()) {
            String comment = joined(comments);
            node.foot = node.foot.isEmpty() ? comment : node.foot + "\n" + comment;
            comments.clear();
        }
    }

    private static void addLine(Node node, List<String> comments) {
        if (!comments.isEmpty()) {
            String comment = joined(comments);
            node.line = node.line.isEmpty() ? comment : node.line + "\n" + comment;
            comments.clear();
        }
    }

    /** Builds the items of a mapping node, with their comments, one level deep. */
    private static void expandMapping(Node mapping) {
        TreeBranch branch = (TreeBranch) mapping.value;
        mapping.content = new ArrayList<>(2 * branch.size());
        List<String> heads = new ArrayList<>();
        List<String> inlines = new ArrayList<>();
        boolean beginning = true;
        for (TreeItem item : branch) {
            if (item.key() instanceof Comment comment) {
                (comment.inline() ? inlines : heads).add(comment.value());
                continue;
            }
            if (beginning) {
                addHead(mapping, heads);
                beginning = false;
            }
            Node key = new Node(item.key());
            addHead(key, heads);
            Node value = new Node(item.value());
            addLine(value, inlines);
            mapping.content.add(key);
            mapping.content.add(value);
        }
        heads.addAll(inlines);
        if (!heads.isEmpty()) {
            if (beginning) {
                addHead(mapping, heads);
            } else {
                addFoot(mapping.content.get(mapping.content.size() - 2), heads);
            }
        }
    }

    /** Builds the items of a sequence node, with their comments, one level deep. */
    private static void expandSequence(Node sequence) {
        List<?> list = (List<?>) sequence.value;
        sequence.content = new ArrayList<>(list.size());
        List<String> heads = new ArrayList<>();
        List<String> inlines = new ArrayList<>();
        boolean beginning = true;
        for (Object element : list) {
            if (element instanceof Comment comment) {
                (comment.inline() ? inlines : heads).add(comment.value());
                continue;
            }
            if (beginning) {
                addHead(sequence, heads);
                beginning = false;
            }
            Node item = new Node(element);
            addHead(item, heads);
            addLine(item, inlines);
            sequence.content.add(item);
        }
        heads.addAll(inlines);
        if (!heads.isEmpty()) {
            if (beginning) {
                addHead(sequence, heads);
            } else {
                addFoot(sequence.content.get(sequence.content.size() - 1), heads);
            }
        }
    }

    /** yaml.v3 {@code encoder.node}. */
    private void emit(Node node, String tail) {
        if (node.isMapping()) {
            expandMapping(node);
            EmitEvent start = new EmitEvent(EmitEvent.Type.MAPPING_START);
            start.tailComment = tail;
            start.headComment = node.head;
            events.accept(start);
            String pendingTail = "";
            for (int i = 0; i + 1 < node.content.size(); i += 2) {
                Node key = node.content.get(i);
                String foot = key.foot;
                key.foot = "";
                emit(key, pendingTail);
                pendingTail = foot;
                emit(node.content.get(i + 1), "");
            }
            EmitEvent end = new EmitEvent(EmitEvent.Type.MAPPING_END);
            end.tailComment = pendingTail;
            end.lineComment = node.line;
            end.footComment = node.foot;
            events.accept(end);
            node.content = List.of();
        } else if (node.isSequence()) {
            expandSequence(node);
            EmitEvent start = new EmitEvent(EmitEvent.Type.SEQUENCE_START);
            start.headComment = node.head;
            events.accept(start);
            for (Node item : node.content) {
                emit(item, "");
            }
            EmitEvent end = new EmitEvent(EmitEvent.Type.SEQUENCE_END);
            end.lineComment = node.line;
            end.footComment = node.foot;
            events.accept(end);
            node.content = List.of();
        } else {
            EmitEvent scalar = scalarEvent(node.value);
            scalar.headComment = node.head;
            scalar.lineComment = node.line;
            scalar.footComment = node.foot;
            scalar.tailComment = tail;
            events.accept(scalar);
        }
    }

    /** The scalar event yaml.v3 writes for a value after SOPS's {@code Node.Encode(value)}. */
    static EmitEvent scalarEvent(Object value) {
        if (value == null) {
            return EmitEvent.scalar("null", "", ScalarAnalysis.Style.PLAIN);
        }
        if (value instanceof String s) {
            return stringEvent(s);
        }
        if (value instanceof byte[] bytes) {
            return RawText.firstInvalidByte(bytes) < 0 ? stringEvent(new String(bytes, StandardCharsets.UTF_8)) : binaryEvent(bytes);
        }
        if (value instanceof Boolean b) {
            return EmitEvent.scalar(b ? "true" : "false", "", ScalarAnalysis.Style.PLAIN);
        }
        if (value instanceof Long || value instanceof Integer) {
            return EmitEvent.scalar(value.toString(), "", ScalarAnalysis.Style.PLAIN);
        }
        if (value instanceof Double d) {
            return EmitEvent.scalar(floatText(d), "", ScalarAnalysis.Style.PLAIN);
        }
        if (value instanceof OffsetDateTime t) {
            return EmitEvent.scalar(GoFormat.formatTime(t), "", ScalarAnalysis.Style.PLAIN);
        }
        throw new IllegalArgumentException("unsupported YAML value type: " + value.getClass().getName());
    }

    static String floatText(double d) {
        String text = GoFormat.formatFloatG(d, false);
        return switch (text) {
            case "+Inf" -> ".inf";
            case "-Inf" -> "-.inf";
            case "NaN" -> ".nan";
            default -> text;
        };
    }

    /**
     * yaml.v3 writes a string that is not UTF-8 as {@code !!binary} base64 in lines of 70 characters,
     * each ending with a line break when there are several.
     */
    private static EmitEvent binaryEvent(byte[] bytes) {
        String base64 = Base64.getEncoder().encodeToString(bytes);
        int lineLength = 70;
        boolean several = base64.length() / lineLength + 1 > 1;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < base64.length(); i += lineLength) {
            text.append(base64, i, Math.min(base64.length(), i + lineLength));
            if (several) {
                text.append('\n');
            }
        }
        EmitEvent event = stringEvent(text.toString());
        event.tag = YamlResolver.BINARY;
        return event;
    }

    private static EmitEvent stringEvent(String s) {
        ScalarAnalysis analysis = ScalarAnalysis.of(s);
        ScalarAnalysis.Style style = analysis.encodedStyle();
        String tag = style == ScalarAnalysis.Style.PLAIN && s.equals("<<") ? YamlResolver.MERGE : "";
        EmitEvent event = EmitEvent.scalar(s, tag, style);
        event.analysis = analysis;
        return event;
    }
}
