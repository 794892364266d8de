package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Temporary plaintext: a fresh directory only the owner can enter, files only the owner can read. */
final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    static Path createDirectory(String prefix) {
        try {
            if (POSIX) {
                FileAttribute<?> owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
                return Files.createTempDirectory(prefix, owner);
            }
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_WRITE_OUTPUT_FILE, "Could not create temporary directory: " + e.getMessage(), e);
        }
    }

    static void write(Path file, byte[] content) {
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_WRITE_OUTPUT_FILE, "Could not write temporary file: " + e.getMessage(), e);
        }
    }

    /** Removes the directory and everything in it; failures are reported on standard error by the caller's choice. */
    static void deleteTree(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("Warning: could not remove temporary directory " + directory + ": " + e.getMessage());
        }
    }
}
