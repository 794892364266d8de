package io.sops4j.internal.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.testing.Escaped;
import io.sops4j.testing.SeededCase;
import io.sops4j.tree.TreeBranch;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonStorePropertiesTest {

    private static final String JSON_SENSITIVE = "<>&\"\\/\u2028\u2029\u007f\ufffd";
    private static final long[] EDGE_LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
        Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1};
    private static final double[] EDGE_DOUBLES = {0.0, -0.0, 1.0, -1.0, 0.1, 1e21, 1e-7, 1e20, 123456789e-15,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        Math.ulp(1.0), 9007199254740993.0, 1.7976931348623157e308, 5e-324, 4.35, 2.5e-8};

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(9);
        for (int p = 0; p < pieces; p++) {
            int pick = random.nextInt(16);
            if (pick < 4) {
                appendChars(text, random, 3, () -> JSON_SENSITIVE.charAt(random.nextInt(JSON_SENSITIVE.length())));
            } else if (pick < 7) {
                appendChars(text, random, 3, () -> (char) random.nextInt(0x20));
            } else if (pick < 11) {
                appendChars(text, random, 6, () -> (char) random.nextInt(0x80));
            } else if (pick < 14) {
                appendChars(text, random, 4, () -> SeededCase.draw(
                        () -> (char) random.nextInt(Character.MAX_VALUE + 1), c -> !Character.isSurrogate(c)));
            } else {
                text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1));
            }
        }
        return text.toString();
    }

    private static void appendChars(StringBuilder text, Random random, int maxLength,
                                    Supplier<Character> chars) {
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(chars.get().charValue());
        }
    }

    static long integer(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
            case 1 -> random.nextInt(2001) - 1000;
            default -> random.nextLong();
        };
    }

    static double real(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> EDGE_DOUBLES[random.nextInt(EDGE_DOUBLES.length)];
            case 1 -> random.nextInt(20001) - 10000;
            case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(41) - 20);
            default -> SeededCase.draw(() -> Double.longBitsToDouble(random.nextLong()), Double::isFinite);
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stringsSurviveEmitAndLoad(long seed) {
        Random random = new Random(seed);
        String key = text(random);
        String value = text(random);
        int indent = random.nextInt(6) - 1;
        JsonStore store = new JsonStore(indent);
        TreeBranch branch = new TreeBranch().add(key, value).add("list", List.of(value, key));

        SeededCase.check(seed, Escaped.value(branch) + " indent " + indent, () -> {
            List<TreeBranch> loaded = store.loadPlain(store.emitPlain(List.of(branch)));

            assertThat(loaded).containsExactly(branch);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void numbersSurviveEmitAndLoad(long seed) {
        Random random = new Random(seed);
        long integer = integer(random);
        double real = real(random);
        JsonStore store = new JsonStore(-1);
        TreeBranch branch = new TreeBranch().add("i", integer).add("f", real);

        SeededCase.check(seed, "i=" + integer + " f=" + real + " (bits " + Long.toHexString(Double.doubleToRawLongBits(real))
                + ")", () -> {
            TreeBranch loaded = store.loadPlain(store.emitPlain(List.of(branch))).get(0);

            assertThat(loaded.get("i")).contains(integer);
            Object f = loaded.get("f").orElseThrow();
            double reloaded = f instanceof Long l ? (double) l : (Double) f;
            assertThat(reloaded == real).as("%s reloaded as %s", real, f).isTrue();
        });
    }
}
