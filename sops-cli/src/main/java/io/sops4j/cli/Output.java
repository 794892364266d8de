package io.sops4j.cli;

import io.sops4j.internal.files.SafeFileWriter;
import io.sops4j.internal.files.WriteResult;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Writes a command's result: to standard output, to {@code --output}, or in place, through
 * {@link SafeFileWriter} (links followed, devices and FIFOs written into, regular files replaced
 * atomically with their owner, group and mode).
 */
final class Output {

    private Output() {
    }

    static void write(byte[] content, FileOptions options, Streams streams) {
        if (options.inPlace) {
            replace(options.file, content, streams);
        } else if (options.output != null) {
            replace(options.output, content, streams);
        } else {
            streams.out().write(content, 0, content.length);
            streams.out().flush();
        }
    }

    static void replace(Path target, byte[] content, Streams streams) {
        WriteResult result = SafeFileWriter.write(target, content);
        warn(result, streams.err());
    }

    private static void warn(WriteResult result, PrintStream err) {
        if (!result.warning().isEmpty()) {
            err.println("Warning: " + result.warning());
        }
    }
}
