package io.sops4j.internal.datakey;

import io.sops4j.keys.MasterKey;
import java.lang.System.Logger.Level;

/**
 * What upstream's debug log tells about master keys, through the {@link System.Logger} named
 * {@code io.sops4j.keys} at {@code DEBUG}: which key was tried for the data key, with what result,
 * in how long. Keys are named by their public identifier only; the data key never appears.
 */
final class KeyLog {

    private static final System.Logger LOGGER = System.getLogger("io.sops4j.keys");

    private KeyLog() {
    }

    static void attempt(MasterKey key, String outcome, long startNanos, String cause) {
        if (!LOGGER.isLoggable(Level.DEBUG)) {
            return;
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        String message = key.type() + " key " + key.id() + ": " + outcome + " (" + millis + " ms)";
        LOGGER.log(Level.DEBUG, cause == null ? message : message + ": " + cause);
    }
}
