package io.sops4j.internal.store.yaml;

import io.sops4j.internal.limits.NestingLimit;
import io.sops4j.tree.Comment;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses YAML text (with SnakeYAML Engine's event parser) into {@link YamlNode} documents and places
 * every comment where yaml.v3 and SOPS would put it: a comment on the line of a value belongs to
 * that value; a comment on its own line belongs to the innermost block collection that contains it
 * or whose items it is indented like.
 */
final class YamlReader {

    /** One document: its root (null when empty) and, for an empty root, its comments. */
    record Document(YamlNode root, List<Comment> comments) {
    }

    /** A comment event reduced to what placement needs, so that parser events and their marks are not kept. */
    private record PendingComment(CommentType type, String text, int line, int column, YamlNode lastCompleted,
            int nextEventIndex) {
    }

    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    private final BitSet commentEvents = new BitSet();
    private int eventCount;
    /** The nodes whose event follows a comment event: the candidates for owning a line comment. */
    private final Map<Integer, YamlNode> nodeByEvent = new HashMap<>();

    private YamlReader() {
    }

    private static final int MIN_BUFFER = 1024;

    /** @param longestToken the most characters one token can have, to size the scanner's buffer */
    static List<Document> read(Reader text, int longestToken) {
        return new YamlReader().parse(text, Math.max(MIN_BUFFER, longestToken));
    }

    private List<Document> parse(Reader text, int bufferSize) {
        LoadSettings settings = LoadSettings.builder()
                .setParseComments(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setBufferSize(bufferSize)
                .build();
        List<Document> documents = new ArrayList<>();
        List<List<PendingComment>> commentsPerDocument = new ArrayList<>();
        List<PendingComment> outside = new ArrayList<>();
        Deque<YamlNode> open = new ArrayDeque<>();
        Map<String, YamlNode> anchors = new HashMap<>();
        YamlNode root = null;
        YamlNode lastCompleted = null;
        List<PendingComment> current = null;
        // the first error in the events is thrown after the whole text parsed, so that syntax errors come first
        RuntimeException deferred = null;
        // the parser itself: snakeyaml-engine's module does not export the package of its Parse wrapper
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        while (parser.hasNext()) {
            Event event = parser.next();
            int i = eventCount++;
            if (deferred != null) {
                continue;
            }
            try {
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        current = new ArrayList<>(outside);
                        outside.clear();
                        root = null;
                        lastCompleted = null;
                        anchors.clear();
                    }
                    case DocumentEnd -> {
                        documents.add(new Document(root, new ArrayList<>()));
                        commentsPerDocument.add(current);
                        current = null;
                    }
                    case Comment -> {
                        commentEvents.set(i);
                        CommentEvent comment = (CommentEvent) event;
                        Optional<Mark> mark = comment.getStartMark();
                        PendingComment pending = new PendingComment(comment.getCommentType(), comment.getValue(),
                                mark.map(Mark::getLine).orElse(-1), mark.map(Mark::getColumn).orElse(-1), lastCompleted, i + 1);
                        if (current != null) {
                            current.add(pending);
                        } else if (!commentsPerDocument.isEmpty()) {
                            commentsPerDocument.get(commentsPerDocument.size() - 1).add(pending);
                        } else {
                            outside.add(pending);
                        }
                    }
                    case Scalar, Alias, MappingStart, SequenceStart -> {
                        YamlNode node = createNode(event, anchors);
                        if (i > 0 && commentEvents.get(i - 1)) {
                            nodeByEvent.put(i, node);
                        }
                        if (open.isEmpty()) {
                            root = node;
                        } else {
                            YamlNode parent = open.peek();
                            parent.addChild(node, parent.kind == YamlNode.Kind.MAPPING && parent.children.size() % 2 == 0);
                        }
                        if (node.isCollection()) {
                            if (open.size() >= NestingLimit.MAX_DEPTH) {
                                Mark mark = event.getStartMark().orElseThrow();
                                throw new IllegalArgumentException(NestingLimit.exceeded() + " (line " + (mark.getLine() + 1)
                                        + ", column " + (mark.getColumn() + 1) + ")");
                            }
                            open.push(node);
                        } else {
                            lastCompleted = node;
                        }
                    }
                    case MappingEnd, SequenceEnd -> {
                        YamlNode node = open.pop();
                        node.complete = true;
                        if (node.flow) {
                            node.endLine = event.getEndMark().map(Mark::getLine).orElse(node.line);
                            lastCompleted = node;
                        } else if (!node.children.isEmpty()) {
                            node.endLine = node.children.get(node.children.size() - 1).endLine;
                        }
                    }
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                deferred = e;
            }
        }
        if (deferred != null) {
            throw deferred;
        }
        for (int d = 0; d < documents.size(); d++) {
            Document document = documents.get(d);
            for (PendingComment pending : commentsPerDocument.get(d)) {
                place(document, pending);
            }
        }
        return documents;
    }

    private YamlNode createNode(Event event, Map<String, YamlNode> anchors) {
        Mark start = event.getStartMark().orElseThrow();
        YamlNode node;
        if (event instanceof AliasEvent alias) {
            node = new YamlNode(YamlNode.Kind.ALIAS, start.getLine(), start.getColumn());
            String name = alias.getAlias().getValue();
            node.alias = anchors.get(name);
            if (node.alias == null) {
                throw new IllegalArgumentException("unknown anchor '" + name + "' referenced");
            }
            if (!node.alias.complete) {
                throw new IllegalArgumentException("anchor '" + name + "' value contains itself");
            }
            return node;
        }
        if (event instanceof ScalarEvent scalar) {
            node = new YamlNode(YamlNode.Kind.SCALAR, start.getLine(), start.getColumn());
            Mark end = event.getEndMark().orElse(start);
            node.value = endsWithoutLineBreak(scalar, end) ? withoutFinalBreak(scalar.getValue()) : scalar.getValue();
            node.plain = scalar.getScalarStyle() == ScalarStyle.PLAIN;
            node.tag = shortTag(scalar.getTag());
            node.endLine = end.getColumn() == 0 && end.getLine() > start.getLine() ? end.getLine() - 1 : end.getLine();
        } else {
            CollectionStartEvent collection = (CollectionStartEvent) event;
            YamlNode.Kind kind = event instanceof MappingStartEvent ? YamlNode.Kind.MAPPING : YamlNode.Kind.SEQUENCE;
            node = new YamlNode(kind, start.getLine(), start.getColumn());
            node.flow = collection.isFlow();
            node.tag = shortTag(collection.getTag());
        }
        Optional<Anchor> anchor = ((NodeEvent) event).getAnchor();
        if (anchor.isPresent()) {
            anchors.put(anchor.get().getValue(), node);
        }
        return node;
    }

    /**
     * A block scalar whose last line ends the input without a line break: its end is on that line
     * rather than at the start of the next. SnakeYAML Engine still appends a line break for clip
     * and keep chomping; yaml.v3 adds only the line breaks that are there ({@code |} of
     * {@code "multi\n  line"} at the end of the file is {@code multi\nline}).
     */
    private static boolean endsWithoutLineBreak(ScalarEvent scalar, Mark end) {
        ScalarStyle style = scalar.getScalarStyle();
        return (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) && end.getColumn() != 0
                && scalar.getValue().endsWith("\n");
    }

    private static String withoutFinalBreak(String value) {
        return value.substring(0, value.length() - 1);
    }

    private static String shortTag(Optional<String> tag) {
        if (tag.isEmpty() || tag.get().equals("!")) {
            return "";
        }
        String t = tag.get();
        return t.startsWith(YAML_TAG_PREFIX) ? "!!" + t.substring(YAML_TAG_PREFIX.length()) : t;
    }

    private void place(Document document, PendingComment pending) {
        if (pending.type() == CommentType.BLANK_LINE) {
            return;
        }
        if (pending.line() < 0) {
            throw new NoSuchElementException("No value present");
        }
        String text = pending.text();
        if (pending.type() == CommentType.IN_LINE) {
            YamlNode owner = lineCommentOwner(pending, pending.line());
            if (owner != null) {
                placeLineComment(document, owner, text);
                return;
            }
        }
        YamlNode root = document.root();
        if (root == null || !root.isCollection()) {
            document.comments().add(Comment.of(text));
            return;
        }
        placeOwnLine(root, Comment.of(text), pending.line(), pending.column());
    }

    private YamlNode lineCommentOwner(PendingComment pending, int line) {
        YamlNode last = pending.lastCompleted();
        if (last != null && last.endLine == line) {
            return last;
        }
        int next = pending.nextEventIndex();
        while (next < eventCount && commentEvents.get(next)) {
            next++;
        }
        YamlNode following = nodeByEvent.get(next);
        if (following != null && following.kind == YamlNode.Kind.SCALAR && following.line == line) {
            return following;
        }
        return null;
    }

    private static void placeLineComment(Document document, YamlNode node, String text) {
        YamlNode parent = node.parent;
        if (parent == null) {
            if (node.isCollection()) {
                node.addLeading(Comment.of(text));
            } else {
                document.comments().add(Comment.of(text));
            }
        } else if (node.isKey) {
            parent.addBefore(node.index, Comment.of(text));
        } else if (parent.kind == YamlNode.Kind.MAPPING && node.isCollection()) {
            node.addLeading(Comment.of(text));
        } else {
            parent.addBefore(node.index, new Comment(text, true));
        }
    }

    private static void placeOwnLine(YamlNode container, Comment comment, int line, int column) {
        YamlNode.ItemLines lines = container.itemLines();
        if (lines == null) {
            placeOwnLineByScan(container, comment, line, column);
            return;
        }
        int count = container.itemCount();
        // items are in line order: those ending before the comment form a prefix, those starting after it a suffix
        int containing = lines.firstEndingAtOrAfter(line);
        if (containing < count && lines.starts()[containing] < line) {
            YamlNode value = container.itemValue(containing);
            if (value.isBlockCollection()) {
                placeOwnLine(value, comment, line, column);
            } else {
                container.addBefore(containing, comment);
            }
            return;
        }
        int after = lines.firstStartingAfter(line);
        placeBetween(container, comment, line, column, containing - 1, after < count ? after : -1);
    }

    private static void placeOwnLineByScan(YamlNode container, Comment comment, int line, int column) {
        int count = container.itemCount();
        for (int i = 0; i < count; i++) {
            if (container.itemStart(i) < line && line <= container.itemEnd(i)) {
                YamlNode value = container.itemValue(i);
                if (value.isBlockCollection()) {
                    placeOwnLine(value, comment, line, column);
                } else {
                    container.addBefore(i, comment);
                }
                return;
            }
        }
        int previous = -1;
        int next = -1;
        for (int i = 0; i < count; i++) {
            if (container.itemEnd(i) < line) {
                previous = i;
            } else if (next < 0 && container.itemStart(i) > line) {
                next = i;
            }
        }
        placeBetween(container, comment, line, column, previous, next);
    }

    private static void placeBetween(YamlNode container, Comment comment, int line, int column, int previous, int next) {
        if (previous >= 0) {
            YamlNode value = container.itemValue(previous);
            if (value.isBlockCollection() && column >= value.indent() && column > container.indent()) {
                placeOwnLine(value, comment, line, column);
                return;
            }
        }
        if (next >= 0) {
            container.addBefore(next, comment);
        } else {
            container.addTrailing(comment);
        }
    }
}
