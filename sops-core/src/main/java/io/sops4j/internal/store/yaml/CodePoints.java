package io.sops4j.internal.store.yaml;

import java.util.Arrays;

/** The code points of a string, without the stream machinery of {@link String#codePoints()}. */
final class CodePoints {

    private CodePoints() {
    }

    static int[] of(String s) {
        int length = s.length();
        int[] points = new int[length];
        int count = 0;
        for (int i = 0; i < length; count++) {
            int c = s.codePointAt(i);
            points[count] = c;
            i += Character.charCount(c);
        }
        return count == length ? points : Arrays.copyOf(points, count);
    }
}
