package io.sops4j.maven;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files whole through a temporary sibling and a rename, so a reader never sees half a file.
 * Plaintext goes to owner-only files (0600) in owner-only directories (0700) where the file system
 * has POSIX permissions.
 */
final class SecureFiles {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private SecureFiles() {
    }

    /** Writes plaintext readable by the owner only, creating missing directories owner-only. */
    static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        createOwnerOnlyDirectories(directory);
        boolean posix = isPosix(directory);
        Path temporary = posix
                ? Files.createTempFile(directory, ".sops", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(directory, ".sops", ".tmp");
        moveInto(temporary, content, target);
        if (posix) {
            Files.setPosixFilePermissions(target, OWNER_FILE);
        }
    }

    /** Replaces a file's content, keeping its permissions where POSIX. */
    static void replace(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".sops", ".tmp");
        if (Files.exists(target) && isPosix(directory)) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        }
        moveInto(temporary, content, target);
    }

    static void createOwnerOnlyDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        createOwnerOnlyDirectories(absolute.getParent());
        FileAttribute<?>[] attributes = isPosix(absolute.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(absolute, attributes);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
    }

    private static void moveInto(Path temporary, byte[] content, Path target) throws IOException {
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
