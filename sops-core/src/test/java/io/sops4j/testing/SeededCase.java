package io.sops4j.testing;

import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/** Helpers for property tests driven by a seeded {@link Random}: every failure names the seed and the input. */
public final class SeededCase {

    private static final int MAX_DRAWS = 100_000;

    private SeededCase() {
    }

    /** Runs {@code body}; an assertion failure or exception is rethrown with the seed and escaped input in front. */
    public static void check(long seed, String escapedInput, Executable body) {
        try {
            body.execute();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + ", input " + escapedInput + ": " + e.getMessage(), e);
        } catch (Throwable t) {
            throw new AssertionError("seed " + seed + ", input " + escapedInput, t);
        }
    }

    /** Draws from {@code generator} until a value satisfies {@code accepted}. */
    public static <T> T draw(Supplier<T> generator, Predicate<? super T> accepted) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            T value = generator.get();
            if (accepted.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException("generator found no accepted value in " + MAX_DRAWS + " draws");
    }
}
