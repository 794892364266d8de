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

    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private DeepStack() {
    }

    public static <T> T call(Supplier<T> work) {
        if (INSIDE.get()) {
            return guarded(work);
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            INSIDE.set(true);
            try {
                result[0] = guarded(work);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "sops4j-walk", STACK_BYTES);
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
        Throwable t = failure[0];
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
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
}
