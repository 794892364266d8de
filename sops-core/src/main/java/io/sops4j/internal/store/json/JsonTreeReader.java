package io.sops4j.internal.store.json;

import io.sops4j.internal.limits.NestingLimit;
import io.sops4j.internal.store.json.GoJsonTokenizer.DecodeException;
import io.sops4j.internal.store.json.GoJsonTokenizer.Delim;
import io.sops4j.internal.store.json.GoJsonTokenizer.NumberText;
import io.sops4j.tree.TreeBranch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds a branch from JSON text the way upstream's JSON store walks the decoder's tokens,
 * including how it treats input that ends early: an object whose value is cut off ends there
 * (the unfinished member is dropped), while a missing member name is an error.
 */
final class JsonTreeReader {

    private static final String NOT_AN_OBJECT =
            "SOPS only supports JSON files with a top-level object (starting with '{'), not ";

    private final GoJsonTokenizer tokens;
    private final Deque<Object> open = new ArrayDeque<>();
    private final boolean whole;

    private JsonTreeReader(byte[] input, boolean whole) {
        this.tokens = new GoJsonTokenizer(input);
        this.whole = whole;
    }

    /**
     * The top-level object of {@code input}. Input that ends early is read as far as it goes, and
     * what follows the object is not read, as upstream's token reader does, unless {@code whole}:
     * then both fail as Go's {@code json.Unmarshal} does, which upstream runs on encrypted files
     * before reading them.
     */
    static TreeBranch read(byte[] input, boolean whole) throws DecodeException {
        JsonTreeReader reader = new JsonTreeReader(input, whole);
        try {
            TreeBranch document = reader.readDocument();
            if (whole) {
                reader.tokens.expectEnd();
            }
            return document;
        } catch (DecodeException e) {
            throw e.at(reader.tokens.line(), reader.keyPath());
        }
    }

    /** The member names leading to the value being read. */
    private String keyPath() {
        List<String> keys = new ArrayList<>();
        for (var frames = open.descendingIterator(); frames.hasNext(); ) {
            if (frames.next() instanceof ObjectFrame object && object.pendingKey != null) {
                keys.add(object.pendingKey);
            }
        }
        return String.join(":", keys);
    }

    private static final class ObjectFrame {
        final TreeBranch branch = new TreeBranch();
        String pendingKey;
    }

    private TreeBranch readDocument() throws DecodeException {
        Object first = tokens.next();
        if (first == GoJsonTokenizer.EOF) {
            throw new DecodeException("EOF");
        }
        if (first instanceof Delim delim) {
            if (delim != Delim.OBJECT_START) {
                throw new DecodeException(NOT_AN_OBJECT + "arrays or other types. Got delimiter " + delim.symbol
                        + " instead. To encrypt this file, wrap it in an object, e.g., {\"data\": [...]}");
            }
        } else {
            throw new DecodeException(NOT_AN_OBJECT + "other JSON types. Got " + describeTopLevel(first) + " instead");
        }
        ObjectFrame root = new ObjectFrame();
        open.push(root);
        for (;;) {
            TreeBranch done = step();
            if (done != null) {
                return done;
            }
        }
    }

    /** Consumes one token; returns the root branch once it is complete. */
    private TreeBranch step() throws DecodeException {
        Object top = open.peek();
        Object token = tokens.next();
        if (token == GoJsonTokenizer.EOF && whole) {
            throw new DecodeException("unexpected end of JSON input");
        }
        if (top instanceof ObjectFrame object && object.pendingKey == null) {
            if (token instanceof String key) {
                object.pendingKey = key;
                return null;
            }
            if (token == Delim.OBJECT_END) {
                return close();
            }
            throw new DecodeException("Expected JSON object key, got %!s(<nil>) of type <nil> instead");
        }
        if (token == GoJsonTokenizer.EOF) {
            return endOfInput();
        }
        if (token == Delim.OBJECT_START) {
            push(new ObjectFrame());
            return null;
        }
        if (token == Delim.ARRAY_START) {
            push(new ArrayList<>());
            return null;
        }
        if (token == Delim.ARRAY_END) {
            return close();
        }
        attach(scalar(token));
        return null;
    }

    /**
     * Documents nest at most as deep as yaml.v3 allows; upstream's token reader has no limit, but its
     * recursive walks have a 1 GB stack, which a Java walk cannot count on.
     */
    private void push(Object frame) throws DecodeException {
        if (open.size() >= NestingLimit.MAX_DEPTH) {
            throw new DecodeException(NestingLimit.exceeded());
        }
        open.push(frame);
    }

    /**
     * The input ended where a value was expected: unfinished sequences are dropped up to the
     * nearest object, which then ends without its unfinished member.
     */
    private TreeBranch endOfInput() {
        while (!(open.peek() instanceof ObjectFrame)) {
            open.pop();
        }
        ((ObjectFrame) open.peek()).pendingKey = null;
        return close();
    }

    private TreeBranch close() {
        Object done = open.pop();
        Object value = done instanceof ObjectFrame object ? object.branch : done;
        if (open.isEmpty()) {
            return (TreeBranch) value;
        }
        attach(value);
        return null;
    }

    @SuppressWarnings("unchecked")
    private void attach(Object value) {
        Object parent = open.peek();
        if (parent instanceof ObjectFrame object) {
            object.branch.add(object.pendingKey, value);
            object.pendingKey = null;
        } else {
            ((List<Object>) parent).add(value);
        }
    }

    private static Object scalar(Object token) throws DecodeException {
        if (token == GoJsonTokenizer.NULL) {
            return null;
        }
        if (token instanceof NumberText number) {
            return number(number.text());
        }
        return token;
    }

    /** int64 when the literal parses as one, float64 otherwise (Go's {@code normalizeJSONNumber}). */
    static Object number(String text) throws DecodeException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnInteger) {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new DecodeException("strconv.ParseFloat: number literal: value out of range");
            }
            return value;
        }
    }

    /** Go's {@code %T} of a top-level scalar token; the value itself is not repeated. */
    private static String describeTopLevel(Object token) {
        if (token == GoJsonTokenizer.NULL) {
            return "<nil> of type <nil>";
        }
        if (token instanceof Boolean) {
            return "a value of type bool";
        }
        if (token instanceof String) {
            return "a value of type string";
        }
        try {
            return number(((NumberText) token).text()) instanceof Long ? "a value of type int" : "a value of type float64";
        } catch (DecodeException outOfRange) {
            return "a value of type json.Number";
        }
    }
}
