package io.sops4j.cli;

import io.sops4j.ExitCode;
import io.sops4j.SopsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Writes a command's result: to standard output, to {@code --output}, or atomically in place. */
final class Output {

    private Output() {
    }

    static void write(byte[] content, FileOptions options, PrintStream stdout) {
        if (options.inPlace) {
            replace(options.file, content);
        } else if (options.output != null) {
            replace(options.output, content);
        } else {
            stdout.write(content, 0, content.length);
            stdout.flush();
        }
    }

    /** Temp file beside the target, fsync, rename over it; the target's permissions are kept. */
    static void replace(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = null;
        try {
            Set<PosixFilePermission> permissions = permissionsOf(absolute);
            temp = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_WRITE_OUTPUT_FILE, "Could not write output file: " + e.getMessage(),
                    target, null, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temp file holds only what failed to be written; nothing else to do
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissionsOf(Path file) throws IOException {
        if (!Files.exists(file) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return defaultPermissions(file);
        }
        return Files.getPosixFilePermissions(file);
    }

    /** New files get 0666 minus a typical umask (0644), as {@code os.Create} does. */
    private static Set<PosixFilePermission> defaultPermissions(Path file) {
        if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) == null) {
            return null;
        }
        return Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }
}
