package io.sops4j.internal.go;

import java.nio.charset.StandardCharsets;

/** Go's {@code unicode.IsSpace} and the {@code strings} trimming built on it. */
public final class GoText {

    private GoText() {
    }

    public static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    public static String trimLeft(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    public static String trimSpace(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return trimLeft(s.substring(0, end));
    }

    /** {@code strings.TrimLeft(s, cutset)}. */
    public static String trimLeftChars(String s, String cutset) {
        int i = 0;
        while (i < s.length() && cutset.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    public static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    public static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    public static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
