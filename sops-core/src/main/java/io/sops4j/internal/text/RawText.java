package io.sops4j.internal.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that may hold bytes which are not UTF-8, as Go strings do, carried through Java strings
 * without loss: every byte that is not part of valid UTF-8 becomes the lone low surrogate
 * {@code U+DC80 + byte} (which decoding valid UTF-8 never yields) and turns back into that byte
 * when encoded. Parsers work on the text as usual; values with such bytes become {@code byte[]}.
 */
public final class RawText {

    private static final char FIRST = '\uDC80';
    private static final char LAST = '\uDCFF';

    private RawText() {
    }

    /** The bytes as text, each byte that is not valid UTF-8 escaped. */
    public static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                break;
            }
            for (int i = 0; i < result.length(); i++) {
                out.put((char) (FIRST + (in.get() & 0x7F)));
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The text of a value: a byte string's bytes escaped, a string as it is. */
    public static String of(Object value) {
        return value instanceof byte[] bytes ? decode(bytes) : (String) value;
    }

    /** Whether the text holds a byte that is not valid UTF-8. */
    public static boolean hasRawBytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isEscape(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** The text as a value: a {@link String} when it is all UTF-8, its exact bytes otherwise. */
    public static Object value(String text) {
        return hasRawBytes(text) ? encode(text) : text;
    }

    /** The offset of the first byte that is not part of valid UTF-8, or -1 when all are. */
    public static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (in.hasRemaining()) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            out.clear();
        }
        return -1;
    }

    /** The 1-based line of {@code offset}. */
    public static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text as bytes: UTF-8, with escaped bytes restored. */
    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isEscape(text, i)) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(0x80 + (text.charAt(i) - FIRST));
                start = i + 1;
            }
        }
        if (start == 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The text with every byte that is not UTF-8 shown as {@code \\xNN}, for messages. */
    public static String display(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (isEscape(text, i)) {
                out.append(String.format("\\x%02X", 0x80 + (text.charAt(i) - FIRST)));
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String text, int i) {
        char c = text.charAt(i);
        return c >= FIRST && c <= LAST && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
