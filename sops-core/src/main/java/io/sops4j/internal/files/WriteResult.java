package io.sops4j.internal.files;

import java.nio.file.Path;

/**
 * How a write reached its file.
 *
 * @param file the file written, symbolic links followed
 * @param method how it was written
 * @param reason why the write was not atomic ({@link Method#IN_PLACE}), else empty
 */
public record WriteResult(Path file, Method method, String reason) {

    public enum Method {
        /** A temporary file beside the target, synced, renamed over it: readers see the old or the new content. */
        REPLACED,
        /** The existing file truncated and rewritten, as upstream sops always does; not atomic. */
        IN_PLACE,
        /** Written into a device, FIFO or stream, which stays what it is. */
        INTO_SPECIAL_FILE
    }

    /** A line for the user when the file was rewritten in place rather than replaced, else empty. */
    public String warning() {
        return method == Method.IN_PLACE ? file + " was rewritten in place, not atomically: " + reason : "";
    }
}
