package io.sops4j.internal.crypto;

import io.sops4j.internal.go.GoFormat;
import io.sops4j.internal.go.GoTypes;
import io.sops4j.tree.Comment;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The plaintext bytes of a value and its {@code type}, both ways, as upstream's cipher writes them. */
final class ValueCodec {

    private ValueCodec() {
    }

    /** Upstream's {@code ToBytes}: the bytes the cipher encrypts and the MAC hashes. */
    static byte[] toBytes(Object value) {
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof Long l) {
            return l.toString().getBytes(StandardCharsets.US_ASCII);
        }
        if (value instanceof Double d) {
            return GoFormat.formatFloatF(d).getBytes(StandardCharsets.US_ASCII);
        }
        if (value instanceof Boolean b) {
            return (b ? "True" : "False").getBytes(StandardCharsets.US_ASCII);
        }
        if (value instanceof OffsetDateTime t) {
            return GoFormat.formatTime(t).getBytes(StandardCharsets.US_ASCII);
        }
        if (value instanceof Comment c) {
            return c.value().getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("Value to encrypt has unsupported type " + typeName(value));
    }

    static String typeOf(Object value) {
        if (value instanceof String || value instanceof byte[]) {
            return "str";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof OffsetDateTime) {
            return "time";
        }
        if (value instanceof Comment) {
            return "comment";
        }
        throw new IllegalArgumentException("Value to encrypt has unsupported type " + typeName(value));
    }

    /** Reads decrypted bytes back into a value of the stored type. */
    static Object fromBytes(byte[] plaintext, String type) {
        return switch (type) {
            case "str" -> text(plaintext);
            case "int" -> parseInt(ascii(plaintext));
            case "float" -> parseFloat(ascii(plaintext));
            case "bool" -> parseBool(ascii(plaintext));
            case "time" -> parseTime(ascii(plaintext));
            case "comment" -> Comment.of(new String(plaintext, StandardCharsets.UTF_8));
            case "bytes" -> plaintext;
            default -> throw new IllegalArgumentException("Unknown datatype " + type);
        };
    }

    /**
     * UTF-8 text when the bytes are valid UTF-8, the bytes themselves otherwise (Go strings are
     * bytes). Decoding replaces malformed input with U+FFFD, so text without it was valid.
     */
    private static Object text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return bytes;
        }
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Long parseInt(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Error parsing an encrypted int");
        }
    }

    /** Go's {@code strconv.ParseFloat}: decimal and hex forms, {@code inf}/{@code infinity}/{@code nan} in any case. */
    static Double parseFloat(String s) {
        String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean negative = s.startsWith("-");
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan") && body.length() == s.length()) {
            return Double.NaN;
        }
        String digits = s.replace("_", "");
        boolean hex = lower.startsWith("0x");
        char last = digits.isEmpty() ? ' ' : Character.toLowerCase(digits.charAt(digits.length() - 1));
        boolean javaOnlySyntax = hex ? !lower.contains("p") : last == 'd' || last == 'f';
        if (javaOnlySyntax || lower.contains("infinity") || lower.contains("nan")) {
            throw new IllegalArgumentException("Error parsing an encrypted float");
        }
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Error parsing an encrypted float");
        }
    }

    private static Boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("Error parsing an encrypted bool");
        };
    }

    private static OffsetDateTime parseTime(String s) {
        try {
            return GoFormat.parseTime(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Error parsing an encrypted time");
        }
    }

    /** The Go type upstream names ({@code %T}), never a Java class name. */
    static String typeName(Object value) {
        return GoTypes.name(value);
    }
}
