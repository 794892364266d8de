package io.sops4j.internal.store;

import io.sops4j.testing.SeededCase;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** Strings made of the characters that INI and dotenv syntax gives a meaning to, plus non-ASCII text. */
public final class AwkwardText {

    private static final List<String> PIECES = List.of(
            "a", "Z", "0", "_", "-", ".", " ", "\t", "=", ":", "#", ";", "\"", "'", "`", "\\", "n", "\\n",
            "\n", "\r", "[", "]", "\"\"\"", "sops_", "\u00e9", "\u20ac", "\u00a0", "\u2028", "\u65e5", "\uD83D\uDE00");

    private AwkwardText() {
    }

    /** Mostly short strings (up to 12 pieces), sometimes long ones (500 to 2000 pieces), sometimes empty. */
    public static String string(Random random) {
        int pick = random.nextInt(23);
        if (pick < 20) {
            return pieces(random, random.nextInt(13));
        }
        if (pick < 21) {
            return pieces(random, 500 + random.nextInt(1501));
        }
        return "";
    }

    /** A {@link #string} that {@code accepted} allows. */
    public static String string(Random random, Predicate<String> accepted) {
        return SeededCase.draw(() -> string(random), accepted);
    }

    private static String pieces(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }
}
