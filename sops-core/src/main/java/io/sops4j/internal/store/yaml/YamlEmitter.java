package io.sops4j.internal.store.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The block-style part of yaml.v3's emitter state machine ({@code emitterc.go}) with its comment
 * handling, indentation rules and scalar writers, so that output matches go.yaml.in/yaml/v3 byte for
 * byte. Flow collections only occur empty ({@code []} and {@code {}}); lines are never folded.
 */
final class YamlEmitter implements Consumer<EmitEvent> {

    private enum State {
        FIRST_DOCUMENT_START, DOCUMENT_START, DOCUMENT_CONTENT, DOCUMENT_END, FLOW_SEQUENCE_FIRST_ITEM,
        FLOW_MAPPING_FIRST_KEY, BLOCK_SEQUENCE_FIRST_ITEM, BLOCK_SEQUENCE_ITEM, BLOCK_MAPPING_FIRST_KEY,
        BLOCK_MAPPING_KEY, BLOCK_MAPPING_SIMPLE_VALUE, BLOCK_MAPPING_VALUE, END
    }

    private final StringBuilder out = new StringBuilder();
    private final int bestIndent;
    // libyaml looks one event ahead (an empty collection is written in flow style); nothing else is kept
    private EmitEvent current;
    private EmitEvent next;

    private State state = State.FIRST_DOCUMENT_START;
    private final Deque<State> states = new ArrayDeque<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = -1;
    private int flowLevel;
    private boolean simpleKeyContext;

    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int footIndent = -1;

    private String headComment = "";
    private String lineComment = "";
    private String footComment = "";
    private String tailComment = "";
    private String keyLineComment = "";

    private String tagHandle = "";
    private String tagSuffix = "";
    private ScalarAnalysis scalar;
    private ScalarAnalysis.Style scalarStyle;

    YamlEmitter(int indent) {
        this.bestIndent = indent < 2 || indent > 9 ? 2 : indent;
    }

    /** Takes the next event; writes the one before it, now that its successor is known. */
    @Override
    public void accept(EmitEvent event) {
        next = event;
        if (current != null) {
            write();
        }
        current = next;
        next = null;
    }

    /** Writes the last event and returns the whole text. */
    String finish() {
        if (current != null) {
            write();
            current = null;
        }
        return out.toString();
    }

    private void write() {
        analyze(current);
        dispatch(current);
    }

    private void dispatch(EmitEvent event) {
        switch (state) {
            case FIRST_DOCUMENT_START -> documentStart(event, true);
            case DOCUMENT_START -> documentStart(event, false);
            case DOCUMENT_CONTENT -> documentContent(event);
            case DOCUMENT_END -> documentEnd(event);
            case FLOW_SEQUENCE_FIRST_ITEM -> flowSequenceItem(event);
            case FLOW_MAPPING_FIRST_KEY -> flowMappingKey(event);
            case BLOCK_SEQUENCE_FIRST_ITEM -> blockSequenceItem(event, true);
            case BLOCK_SEQUENCE_ITEM -> blockSequenceItem(event, false);
            case BLOCK_MAPPING_FIRST_KEY -> blockMappingKey(event, true);
            case BLOCK_MAPPING_KEY -> blockMappingKey(event, false);
            case BLOCK_MAPPING_SIMPLE_VALUE -> blockMappingValue(event, true);
            case BLOCK_MAPPING_VALUE -> blockMappingValue(event, false);
            case END -> throw new IllegalStateException("expected nothing after STREAM-END");
        }
    }

    private void analyze(EmitEvent event) {
        tagHandle = "";
        tagSuffix = "";
        scalar = null;
        if (!event.headComment.isEmpty()) {
            headComment = event.headComment;
        }
        if (!event.lineComment.isEmpty()) {
            lineComment = event.lineComment;
        }
        if (!event.footComment.isEmpty()) {
            footComment = event.footComment;
        }
        if (!event.tailComment.isEmpty()) {
            tailComment = event.tailComment;
        }
        if (event.type == EmitEvent.Type.SCALAR) {
            if (event.tag.startsWith("!!")) {
                tagHandle = "!!";
                tagSuffix = event.tag.substring(2);
            }
            scalar = event.analysis != null ? event.analysis : ScalarAnalysis.of(event.value);
        }
    }

    private void documentStart(EmitEvent event, boolean first) {
        if (event.type == EmitEvent.Type.DOCUMENT_START) {
            if (!first) {
                writeIndent();
                writeIndicator("---", true, false, false);
                writeIndent();
            }
            if (!headComment.isEmpty()) {
                processHeadComment();
                putBreak();
            }
            state = State.DOCUMENT_CONTENT;
        } else if (event.type == EmitEvent.Type.STREAM_END) {
            state = State.END;
        } else {
            throw new IllegalStateException("expected DOCUMENT-START or STREAM-END");
        }
    }

    private void documentContent(EmitEvent event) {
        states.push(State.DOCUMENT_END);
        processHeadComment();
        emitNode(event, false);
        processLineComment(false);
        processFootComment();
    }

    private void documentEnd(EmitEvent event) {
        if (event.type != EmitEvent.Type.DOCUMENT_END) {
            throw new IllegalStateException("expected DOCUMENT-END");
        }
        footIndent = 0;
        processFootComment();
        footIndent = -1;
        writeIndent();
        state = State.DOCUMENT_START;
    }

    private void flowSequenceItem(EmitEvent event) {
        writeIndicator("[", true, true, false);
        increaseIndent(true);
        flowLevel++;
        if (event.type != EmitEvent.Type.SEQUENCE_END) {
            throw new IllegalStateException("flow sequences are only written empty");
        }
        flowLevel--;
        indent = indents.pop();
        if (column == 0) {
            writeIndent();
        }
        writeIndicator("]", false, false, false);
        processLineComment(false);
        processFootComment();
        state = states.pop();
    }

    private void flowMappingKey(EmitEvent event) {
        writeIndicator("{", true, true, false);
        increaseIndent(true);
        flowLevel++;
        if (event.type != EmitEvent.Type.MAPPING_END) {
            throw new IllegalStateException("flow mappings are only written empty");
        }
        processHeadComment();
        flowLevel--;
        indent = indents.pop();
        writeIndicator("}", false, false, false);
        processLineComment(false);
        processFootComment();
        state = states.pop();
    }

    private void blockSequenceItem(EmitEvent event, boolean first) {
        if (first) {
            increaseIndent(false);
        }
        if (event.type == EmitEvent.Type.SEQUENCE_END) {
            indent = indents.pop();
            state = states.pop();
            return;
        }
        processHeadComment();
        writeIndent();
        writeIndicator("-", true, false, true);
        states.push(State.BLOCK_SEQUENCE_ITEM);
        emitNode(event, false);
        processLineComment(false);
        processFootComment();
    }

    private void blockMappingKey(EmitEvent event, boolean first) {
        if (first) {
            increaseIndent(false);
        }
        processHeadComment();
        if (event.type == EmitEvent.Type.MAPPING_END) {
            indent = indents.pop();
            state = states.pop();
            return;
        }
        writeIndent();
        if (!lineComment.isEmpty()) {
            keyLineComment = lineComment;
            lineComment = "";
        }
        if (checkSimpleKey()) {
            states.push(State.BLOCK_MAPPING_SIMPLE_VALUE);
            emitNode(event, true);
        } else {
            writeIndicator("?", true, false, true);
            states.push(State.BLOCK_MAPPING_VALUE);
            emitNode(event, false);
        }
    }

    private void blockMappingValue(EmitEvent event, boolean simple) {
        if (simple) {
            writeIndicator(":", false, false, false);
        } else {
            writeIndent();
            writeIndicator(":", true, false, true);
        }
        if (!keyLineComment.isEmpty()) {
            if (event.type == EmitEvent.Type.SCALAR) {
                if (lineComment.isEmpty()) {
                    lineComment = keyLineComment;
                    keyLineComment = "";
                }
            } else if (event.type == EmitEvent.Type.MAPPING_START || event.type == EmitEvent.Type.SEQUENCE_START) {
                String saved = lineComment;
                lineComment = keyLineComment;
                processLineComment(false);
                keyLineComment = lineComment;
                lineComment = saved;
            }
        }
        states.push(State.BLOCK_MAPPING_KEY);
        emitNode(event, false);
        processLineComment(false);
        processFootComment();
    }

    private void emitNode(EmitEvent event, boolean simpleKey) {
        simpleKeyContext = simpleKey;
        switch (event.type) {
            case SCALAR -> emitScalar(event);
            case SEQUENCE_START -> state = flowLevel > 0 || checkEmpty(EmitEvent.Type.SEQUENCE_END)
                    ? State.FLOW_SEQUENCE_FIRST_ITEM : State.BLOCK_SEQUENCE_FIRST_ITEM;
            case MAPPING_START -> state = flowLevel > 0 || checkEmpty(EmitEvent.Type.MAPPING_END)
                    ? State.FLOW_MAPPING_FIRST_KEY : State.BLOCK_MAPPING_FIRST_KEY;
            default -> throw new IllegalStateException("expected SCALAR, SEQUENCE-START or MAPPING-START");
        }
    }

    private boolean checkEmpty(EmitEvent.Type end) {
        return next != null && next.type == end;
    }

    private boolean checkSimpleKey() {
        EmitEvent event = current;
        int length;
        switch (event.type) {
            case SCALAR -> {
                if (scalar.multiline) {
                    return false;
                }
                length = tagHandle.length() + tagSuffix.length() + event.value.getBytes(StandardCharsets.UTF_8).length;
            }
            case SEQUENCE_START -> {
                if (!checkEmpty(EmitEvent.Type.SEQUENCE_END)) {
                    return false;
                }
                length = 0;
            }
            case MAPPING_START -> {
                if (!checkEmpty(EmitEvent.Type.MAPPING_END)) {
                    return false;
                }
                length = 0;
            }
            default -> {
                return false;
            }
        }
        return length <= 128;
    }

    private void emitScalar(EmitEvent event) {
        scalarStyle = scalar.select(event.style, flowLevel > 0, simpleKeyContext);
        if (!tagHandle.isEmpty()) {
            if (!whitespace) {
                put(' ');
            }
            writeText(tagHandle + tagSuffix);
            whitespace = false;
            indention = false;
        }
        increaseIndent(true);
        switch (scalarStyle) {
            case PLAIN -> writePlain(event.value);
            case SINGLE_QUOTED -> writeSingleQuoted(event.value);
            case DOUBLE_QUOTED -> writeDoubleQuoted(event.value);
            case LITERAL -> writeLiteral(event.value);
        }
        indent = indents.pop();
        state = states.pop();
    }

    private void increaseIndent(boolean flow) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? bestIndent : 0;
        } else if (states.peek() == State.BLOCK_SEQUENCE_ITEM) {
            indent += 2;
        } else {
            indent = bestIndent * ((indent + bestIndent) / bestIndent);
        }
    }

    private void processHeadComment() {
        if (!tailComment.isEmpty()) {
            writeIndent();
            writeComment(tailComment);
            tailComment = "";
            footIndent = Math.max(indent, 0);
        }
        if (headComment.isEmpty()) {
            return;
        }
        writeIndent();
        writeComment(headComment);
        headComment = "";
    }

    private void processLineComment(boolean lineBreak) {
        if (lineComment.isEmpty()) {
            if (lineBreak) {
                putBreak();
            }
            return;
        }
        if (!whitespace) {
            put(' ');
        }
        writeComment(lineComment);
        lineComment = "";
    }

    private void processFootComment() {
        if (footComment.isEmpty()) {
            return;
        }
        writeIndent();
        writeComment(footComment);
        footComment = "";
        footIndent = Math.max(indent, 0);
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
        indention = true;
    }

    private void write(int codePoint) {
        out.appendCodePoint(codePoint);
        column++;
    }

    private void writeText(String text) {
        for (int c : CodePoints.of(text)) {
            write(c);
        }
    }

    private void writeBreak(int codePoint) {
        if (codePoint == '\n') {
            putBreak();
        } else {
            write(codePoint);
            column = 0;
            indention = true;
        }
    }

    private void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace)) {
            putBreak();
        }
        if (footIndent == target) {
            putBreak();
        }
        while (column < target) {
            put(' ');
        }
        whitespace = true;
        footIndent = -1;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        writeText(indicator);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void writeComment(String comment) {
        boolean breaks = false;
        boolean pound = false;
        int[] cps = CodePoints.of(comment);
        for (int c : cps) {
            if (ScalarAnalysis.isBreak(c)) {
                writeBreak(c);
                breaks = true;
                pound = false;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (!pound) {
                    if (c != '#') {
                        put('#');
                        put(' ');
                    }
                    pound = true;
                }
                write(c);
                indention = false;
                breaks = false;
            }
        }
        if (!breaks) {
            putBreak();
        }
        whitespace = true;
    }

    private void writePlain(String value) {
        if (!value.isEmpty() && !whitespace) {
            put(' ');
        }
        if (!scalar.multiline) {
            // no line break in the scalar's analysis: the text goes out as it is
            out.append(value);
            column += value.codePointCount(0, value.length());
            whitespace = whitespace && value.isEmpty();
            indention = false;
            return;
        }
        boolean breaks = false;
        for (int c : CodePoints.of(value)) {
            if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(c);
                indention = false;
                breaks = false;
            }
        }
        if (!value.isEmpty()) {
            whitespace = false;
        }
        indention = false;
    }

    private void writeSingleQuoted(String value) {
        writeIndicator("'", true, false, false);
        boolean breaks = false;
        for (int c : CodePoints.of(value)) {
            if (ScalarAnalysis.isSpace(c)) {
                write(c);
            } else if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                write(c);
                indention = false;
                breaks = false;
            }
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(String value) {
        writeIndicator("\"", true, false, false);
        for (int c : CodePoints.of(value)) {
            if (!ScalarAnalysis.isPrintable(c) || c == 0xFEFF || ScalarAnalysis.isBreak(c) || c == '"' || c == '\\') {
                put('\\');
                switch (c) {
                    case 0x00 -> put('0');
                    case 0x07 -> put('a');
                    case 0x08 -> put('b');
                    case 0x09 -> put('t');
                    case 0x0A -> put('n');
                    case 0x0B -> put('v');
                    case 0x0C -> put('f');
                    case 0x0D -> put('r');
                    case 0x1B -> put('e');
                    case 0x22 -> put('"');
                    case 0x5C -> put('\\');
                    case 0x85 -> put('N');
                    case 0xA0 -> put('_');
                    case 0x2028 -> put('L');
                    case 0x2029 -> put('P');
                    default -> {
                        int width;
                        if (c <= 0xFF) {
                            put('x');
                            width = 2;
                        } else if (c <= 0xFFFF) {
                            put('u');
                            width = 4;
                        } else {
                            put('U');
                            width = 8;
                        }
                        for (int k = (width - 1) * 4; k >= 0; k -= 4) {
                            put(Character.toUpperCase(Character.forDigit((c >> k) & 0x0F, 16)));
                        }
                    }
                }
            } else {
                write(c);
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeLiteral(String value) {
        writeIndicator("|", true, false, false);
        writeBlockScalarHints(value);
        processLineComment(true);
        whitespace = true;
        boolean breaks = true;
        for (int c : CodePoints.of(value)) {
            if (ScalarAnalysis.isBreak(c)) {
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(c);
                indention = false;
                breaks = false;
            }
        }
    }

    private void writeBlockScalarHints(String value) {
        int[] cps = CodePoints.of(value);
        if (cps.length > 0 && (ScalarAnalysis.isSpace(cps[0]) || ScalarAnalysis.isBreak(cps[0]))) {
            writeIndicator(String.valueOf((char) ('0' + bestIndent)), false, false, false);
        }
        String chomp = "";
        if (cps.length == 0 || !ScalarAnalysis.isBreak(cps[cps.length - 1])) {
            chomp = "-";
        } else if (cps.length == 1 || ScalarAnalysis.isBreak(cps[cps.length - 2])) {
            chomp = "+";
        }
        if (!chomp.isEmpty()) {
            writeIndicator(chomp, false, false, false);
        }
    }
}
