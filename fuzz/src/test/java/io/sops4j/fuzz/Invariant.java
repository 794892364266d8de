package io.sops4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.error.SopsException;

/**
 * The contract of every parser of untrusted input: it returns, or it throws a {@link SopsException}
 * that says what went wrong. Anything else (a runtime exception, a {@code StackOverflowError}, an
 * {@code OutOfMemoryError}) escapes and is a finding.
 */
public final class Invariant {

    /** A parse step that may throw a checked exception its caller maps to a {@link SopsException}. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private Invariant() {
    }

    public static void returnsOrFailsTyped(Step step) {
        try {
            step.run();
        } catch (SopsException e) {
            assertThat(e.getMessage()).as("message of %s", e.getClass().getName()).isNotBlank();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("undeclared checked exception", e);
        }
    }

    /**
     * For a lower-level parser whose documented failure is {@code expected} (which its caller maps to
     * a {@link SopsException}).
     */
    public static void returnsOrFails(Class<? extends Throwable> expected, Step step) {
        try {
            step.run();
        } catch (SopsException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (Throwable e) {
            if (!expected.isInstance(e)) {
                sneakyThrow(e);
            }
            assertThat(e.getMessage()).as("message of %s", e.getClass().getName()).isNotBlank();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable e) throws T {
        throw (T) e;
    }
}
