package io.sops4j.internal.go;

/** Go's {@code strconv.Quote} and the JSON scanner's {@code quoteChar}, for error texts. */
public final class GoQuote {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    /** A byte as the JSON scanner names it in errors: {@code 'x'}, {@code '\n'}, {@code '\''}. */
    public static String quoteChar(int b) {
        if (b == '\'') {
            return "'\\''";
        }
        if (b == '"') {
            return "'\"'";
        }
        StringBuilder out = new StringBuilder("'");
        appendRune(out, b, '\'');
        return out.append('\'').toString();
    }

    /** {@code strconv.Quote}, as {@code %#v} prints a string. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> appendRune(out, cp, '"'));
        return out.append('"').toString();
    }

    private static void appendRune(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
            return;
        }
        if (isPrint(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 11 -> out.append("\\v");
            default -> {
                if (cp < ' ' || cp == 0x7f) {
                    out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
                } else if (cp < 0x10000) {
                    out.append("\\u").append(hex(cp, 4));
                } else {
                    out.append("\\U").append(hex(cp, 8));
                }
            }
        }
    }

    private static String hex(int value, int width) {
        StringBuilder digits = new StringBuilder(Integer.toHexString(value));
        while (digits.length() < width) {
            digits.insert(0, '0');
        }
        return digits.toString();
    }

    /** Go's {@code unicode.IsPrint}: graphic characters and the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.SURROGATE,
                    Character.PRIVATE_USE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
