package io.sops4j.internal.store.json;

import io.sops4j.internal.go.GoJsonStrings;
import io.sops4j.internal.go.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The token stream of Go's {@code encoding/json.Decoder.Token} over raw bytes, with the decoder's
 * error texts. Strings are unquoted as Go does (invalid UTF-8 and broken surrogate escapes become
 * U+FFFD); numbers are returned as their literal text.
 */
final class GoJsonTokenizer {

    enum Delim {
        OBJECT_START('{'), OBJECT_END('}'), ARRAY_START('['), ARRAY_END(']');

        final char symbol;

        Delim(char symbol) {
            this.symbol = symbol;
        }
    }

    /** A number literal, as {@code json.Number}. */
    record NumberText(String text) {
    }

    /** The end of the input between tokens ({@code io.EOF}). */
    static final Object EOF = new Object() {
        @Override
        public String toString() {
            return "EOF";
        }
    };

    /** The literal {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A decoding failure carrying Go's error text and, once known, where in the document it happened. */
    static final class DecodeException extends Exception {
        private int line;
        private String keyPath;

        DecodeException(String message) {
            super(message, null, false, false);
        }

        DecodeException at(int line, String keyPath) {
            this.line = line;
            this.keyPath = keyPath;
            return this;
        }

        /** The 1-based line of the failure, 0 when unknown. */
        int line() {
            return line;
        }

        /** The keys of the objects being read when it failed, joined with {@code :}; null when unknown. */
        String keyPath() {
            return keyPath;
        }
    }

    private enum State {
        TOP_VALUE, ARRAY_START, ARRAY_VALUE, ARRAY_COMMA, OBJECT_START, OBJECT_KEY, OBJECT_COLON, OBJECT_VALUE,
        OBJECT_COMMA
    }

    private final byte[] in;
    private int pos;
    private State state = State.TOP_VALUE;
    private final Deque<State> stack = new ArrayDeque<>();

    GoJsonTokenizer(byte[] in) {
        this.in = in;
    }

    /** The 1-based line of the next unread byte. */
    int line() {
        int line = 1;
        for (int i = 0; i < Math.min(pos, in.length); i++) {
            if (in[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The next token: a {@link Delim}, a {@link String}, a {@link NumberText}, a {@link Boolean},
     * {@link #NULL}, or {@link #EOF} when only whitespace is left.
     */
    Object next() throws DecodeException {
        for (;;) {
            int c = peek();
            if (c < 0) {
                return EOF;
            }
            switch (c) {
                case '[' -> {
                    if (!valueAllowed()) {
                        throw tokenError(c);
                    }
                    pos++;
                    stack.push(state);
                    state = State.ARRAY_START;
                    return Delim.ARRAY_START;
                }
                case ']' -> {
                    if (state != State.ARRAY_START && state != State.ARRAY_COMMA) {
                        throw tokenError(c);
                    }
                    pos++;
                    state = stack.pop();
                    valueEnd();
                    return Delim.ARRAY_END;
                }
                case '{' -> {
                    if (!valueAllowed()) {
                        throw tokenError(c);
                    }
                    pos++;
                    stack.push(state);
                    state = State.OBJECT_START;
                    return Delim.OBJECT_START;
                }
                case '}' -> {
                    if (state != State.OBJECT_START && state != State.OBJECT_COMMA) {
                        throw tokenError(c);
                    }
                    pos++;
                    state = stack.pop();
                    valueEnd();
                    return Delim.OBJECT_END;
                }
                case ':' -> {
                    if (state != State.OBJECT_COLON) {
                        throw tokenError(c);
                    }
                    pos++;
                    state = State.OBJECT_VALUE;
                }
                case ',' -> {
                    if (state == State.ARRAY_COMMA) {
                        pos++;
                        state = State.ARRAY_VALUE;
                    } else if (state == State.OBJECT_COMMA) {
                        pos++;
                        state = State.OBJECT_KEY;
                    } else {
                        throw tokenError(c);
                    }
                }
                default -> {
                    if (c == '"' && (state == State.OBJECT_START || state == State.OBJECT_KEY)) {
                        Object key = scalar();
                        state = State.OBJECT_COLON;
                        return key;
                    }
                    if (!valueAllowed()) {
                        throw tokenError(c);
                    }
                    Object value = scalar();
                    valueEnd();
                    return value;
                }
            }
        }
    }

    /** Fails as Go's {@code json.Unmarshal} does when anything but whitespace follows the top-level value. */
    void expectEnd() throws DecodeException {
        int c = peek();
        if (c >= 0) {
            throw invalid(c, " after top-level value");
        }
    }

    private int peek() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                pos++;
            } else {
                return b & 0xff;
            }
        }
        return -1;
    }

    private boolean valueAllowed() {
        return switch (state) {
            case TOP_VALUE, ARRAY_START, ARRAY_VALUE, OBJECT_VALUE -> true;
            default -> false;
        };
    }

    private void valueEnd() {
        switch (state) {
            case ARRAY_START, ARRAY_VALUE -> state = State.ARRAY_COMMA;
            case OBJECT_VALUE -> state = State.OBJECT_COMMA;
            default -> {
            }
        }
    }

    private DecodeException tokenError(int c) {
        String context = switch (state) {
            case TOP_VALUE, ARRAY_START, ARRAY_VALUE, OBJECT_VALUE -> " looking for beginning of value";
            case ARRAY_COMMA -> " after array element";
            case OBJECT_KEY -> " looking for beginning of object key string";
            case OBJECT_COLON -> " after object key";
            case OBJECT_COMMA -> " after object key:value pair";
            case OBJECT_START -> "";
        };
        return invalid(c, context);
    }

    private static DecodeException invalid(int c, String context) {
        return new DecodeException("invalid character " + GoQuote.quoteChar(c) + context);
    }

    private static DecodeException unexpectedEof() {
        return new DecodeException("unexpected EOF");
    }

    /** One scalar value starting at {@code pos}, scanned as Go's scanner does. */
    private Object scalar() throws DecodeException {
        int start = pos;
        int c = in[pos] & 0xff;
        if (c == '"') {
            int end = scanString(start);
            pos = end;
            return GoJsonStrings.unquote(in, start + 1, end - 1);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int end = scanNumber(start);
            pos = end;
            return new NumberText(new String(in, start, end - start, StandardCharsets.US_ASCII));
        }
        if (c == 't') {
            pos = scanLiteral(start, "true");
            return Boolean.TRUE;
        }
        if (c == 'f') {
            pos = scanLiteral(start, "false");
            return Boolean.FALSE;
        }
        if (c == 'n') {
            pos = scanLiteral(start, "null");
            return NULL;
        }
        throw invalid(c, " looking for beginning of value");
    }

    private int scanString(int start) throws DecodeException {
        int i = start + 1;
        for (;;) {
            if (i >= in.length) {
                throw unexpectedEof();
            }
            int b = in[i] & 0xff;
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                i++;
                if (i >= in.length) {
                    throw unexpectedEof();
                }
                int esc = in[i] & 0xff;
                if ("bfnrt\\/\"".indexOf(esc) >= 0) {
                    i++;
                } else if (esc == 'u') {
                    i++;
                    for (int k = 0; k < 4; k++, i++) {
                        if (i >= in.length) {
                            throw unexpectedEof();
                        }
                        if (!isHex(in[i])) {
                            throw invalid(in[i] & 0xff, " in \\u hexadecimal character escape");
                        }
                    }
                } else {
                    throw invalid(esc, " in string escape code");
                }
            } else if (b < 0x20) {
                throw invalid(b, " in string literal");
            } else {
                i++;
            }
        }
    }

    private int scanNumber(int start) throws DecodeException {
        int i = start;
        if (in[i] == '-') {
            i++;
            if (i >= in.length) {
                throw unexpectedEof();
            }
            if (!isDigit(in[i])) {
                throw invalid(in[i] & 0xff, " in numeric literal");
            }
        }
        if (in[i] == '0') {
            i++;
        } else {
            i = digits(i);
        }
        if (i < in.length && in[i] == '.') {
            i++;
            if (i >= in.length) {
                throw unexpectedEof();
            }
            if (!isDigit(in[i])) {
                throw invalid(in[i] & 0xff, " after decimal point in numeric literal");
            }
            i = digits(i);
        }
        if (i < in.length && (in[i] == 'e' || in[i] == 'E')) {
            i++;
            if (i < in.length && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            if (i >= in.length) {
                throw unexpectedEof();
            }
            if (!isDigit(in[i])) {
                throw invalid(in[i] & 0xff, " in exponent of numeric literal");
            }
            i = digits(i);
        }
        return i;
    }

    private int digits(int i) {
        while (i < in.length && isDigit(in[i])) {
            i++;
        }
        return i;
    }

    private static boolean isHex(byte b) {
        return isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private int scanLiteral(int start, String literal) throws DecodeException {
        for (int k = 1; k < literal.length(); k++) {
            int i = start + k;
            if (i >= in.length) {
                throw unexpectedEof();
            }
            char expected = literal.charAt(k);
            if (in[i] != expected) {
                throw invalid(in[i] & 0xff, " in literal " + literal + " (expecting " + GoQuote.quoteChar(expected) + ")");
            }
        }
        return start + literal.length();
    }
}
