package io.sops4j.store;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Strings made of the characters that INI and dotenv syntax gives a meaning to, plus non-ASCII text. */
public final class AwkwardText {

    private static final List<String> PIECES = List.of(
            "a", "Z", "0", "_", "-", ".", " ", "\t", "=", ":", "#", ";", "\"", "'", "`", "\\", "n", "\\n",
            "\n", "\r", "[", "]", "\"\"\"", "sops_", "\u00e9", "\u20ac", "\u00a0", "\u2028", "\u65e5", "\uD83D\uDE00");

    private AwkwardText() {
    }

    public static Arbitrary<String> strings() {
        Arbitrary<String> shortText = Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(12).map(p -> String.join("", p));
        Arbitrary<String> longText = Arbitraries.of(PIECES).list().ofMinSize(500).ofMaxSize(2000).map(p -> String.join("", p));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, shortText),
                net.jqwik.api.Tuple.of(1, longText),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("")));
    }
}
