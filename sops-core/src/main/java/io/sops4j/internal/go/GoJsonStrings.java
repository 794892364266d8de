package io.sops4j.internal.go;

import java.nio.charset.StandardCharsets;

/** Go's JSON string handling: {@code unquote} of the decoder and the escaping of {@code json.Marshal}. */
public final class GoJsonStrings {

    static final int RUNE_ERROR = 0xFFFD;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJsonStrings() {
    }

    /** The text between the quotes of a scanned string literal, {@code in[from, to)}. */
    public static String unquote(byte[] in, int from, int to) {
        int plain = from;
        while (plain < to && in[plain] >= 0 && in[plain] != '\\') {
            plain++;
        }
        if (plain == to) {
            return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(new String(in, from, plain - from, StandardCharsets.ISO_8859_1));
        int i = plain;
        while (i < to) {
            int b = in[i] & 0xff;
            if (b == '\\') {
                int esc = in[i + 1] & 0xff;
                switch (esc) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int rune = hex4(in, i + 2);
                        i += 6;
                        if (Character.isSurrogate((char) rune)) {
                            int low = i + 1 < to && in[i] == '\\' && in[i + 1] == 'u' ? hex4(in, i + 2) : -1;
                            if (Character.isHighSurrogate((char) rune) && low >= 0 && Character.isLowSurrogate((char) low)) {
                                out.append((char) rune).append((char) low);
                                i += 6;
                            } else {
                                out.append((char) RUNE_ERROR);
                            }
                        } else {
                            out.append((char) rune);
                        }
                        continue;
                    }
                    default -> out.append((char) esc);
                }
                i += 2;
            } else if (b < 0x80) {
                out.append((char) b);
                i++;
            } else {
                long decoded = decodeRune(in, i, to);
                out.appendCodePoint((int) (decoded >>> 32));
                i += (int) decoded;
            }
        }
        return out.toString();
    }

    private static int hex4(byte[] in, int at) {
        if (at + 4 > in.length) {
            return -1;
        }
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(in[at + k] & 0xff, 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    /**
     * Go's {@code utf8.DecodeRune} of {@code in[at, to)}: the code point in the high 32 bits, the
     * number of bytes in the low 32 bits; an invalid sequence is U+FFFD of width 1.
     */
    public static long decodeRune(byte[] in, int at, int to) {
        int b0 = in[at] & 0xff;
        if (b0 < 0x80) {
            return ((long) b0 << 32) | 1;
        }
        int size;
        int lo = 0x80;
        int hi = 0xBF;
        int rune;
        if (b0 >= 0xC2 && b0 < 0xE0) {
            size = 2;
            rune = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 < 0xF0) {
            size = 3;
            rune = b0 & 0x0F;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 < 0xF5) {
            size = 4;
            rune = b0 & 0x07;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return ((long) RUNE_ERROR << 32) | 1;
        }
        if (at + size > to) {
            return ((long) RUNE_ERROR << 32) | 1;
        }
        for (int k = 1; k < size; k++) {
            int b = in[at + k] & 0xff;
            int min = k == 1 ? lo : 0x80;
            int max = k == 1 ? hi : 0xBF;
            if (b < min || b > max) {
                return ((long) RUNE_ERROR << 32) | 1;
            }
            rune = (rune << 6) | (b & 0x3F);
        }
        return ((long) rune << 32) | size;
    }

    /** {@code json.Marshal} of a string (HTML-safe escaping); lone surrogates become {@code \ufffd}. */
    public static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int plain = plainAsciiPrefix(s);
        if (plain == n) {
            out.append(s).append('"');
            return;
        }
        out.append(s, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (writtenAsIs(c)) {
                    out.append(c);
                    continue;
                }
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append("\\ufffd");
            } else if (c == '\u2028') {
                out.append("\\u2028");
            } else if (c == '\u2029') {
                out.append("\\u2029");
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** How many leading characters Go writes as they are, so they can be copied at once. */
    private static int plainAsciiPrefix(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (!writtenAsIs(s.charAt(i))) {
                return i;
            }
        }
        return n;
    }

    /** ASCII that {@code encoding/json} writes unescaped (HTML-safe: {@code <}, {@code >}, {@code &} are escaped). */
    private static boolean writtenAsIs(char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
    }
}
