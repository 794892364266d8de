package io.sops4j.internal.limits;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.util.function.Supplier;

/**
 * Runs work that walks a document recursively on a thread whose stack holds a document nested
 * {@link NestingLimit#MAX_DEPTH} levels deep, whatever the stack of the calling thread. The stack is
 * reserved address space; only the pages a walk touches are used. Work started from such a thread
 * runs directly.
 */
public final class DeepStack {

    /** Four times what encrypting and decrypting a YAML or JSON document 10,000 levels deep was measured to need. */
    static final long STACK_BYTES = 128L << 20;

    /** Set on the threads this class starts; a plain field look-up, where {@code withInitial} would link a lambda. */
    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    private DeepStack() {
    }

    public static <T> T call(Supplier<T> work) {
        if (INSIDE.get() != null) {
            return guarded(work);
        }
        Walk<T> walk = new Walk<>(work);
        Thread thread = new Thread(null, walk, "sops4j-walk", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return walk.outcome();
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The last line of defence: the limits keep documents within what memory and this stack hold,
     * and should something still exhaust them, the caller gets a typed error rather than a JVM error.
     */
    private static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            throw new SopsException(ExitCode.GENERIC, "document nested too deeply to process");
        } catch (OutOfMemoryError e) {
            throw new SopsException(ExitCode.GENERIC, "not enough memory to process the document");
        }
    }

    /** The work run on the deep thread, and what it returned or threw. */
    private static final class Walk<T> implements Runnable {

        private final Supplier<T> work;
        private T result;
        private Throwable failure;

        Walk(Supplier<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            INSIDE.set(Boolean.TRUE);
            try {
                result = guarded(work);
            } catch (Throwable t) {
                failure = t;
            }
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
