package io.sops4j.maven;

import io.sops4j.internal.files.SafeFileWriter;
import io.sops4j.internal.files.WriteResult;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The goals' writes, through {@link SafeFileWriter}: links followed, regular files replaced
 * atomically keeping owner, group and mode. Plaintext goes to owner-only files (0600) in owner-only
 * directories (0700) where the file system has POSIX permissions.
 */
final class SecureFiles {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private SecureFiles() {
    }

    /** Writes plaintext readable by the owner only, creating missing directories owner-only. */
    static WriteResult writeOwnerOnly(Path target, byte[] content) throws IOException {
        createOwnerOnlyDirectories(target.toAbsolutePath().getParent());
        return SafeFileWriter.writeOwnerOnly(target, content);
    }

    /** Replaces a file's content, keeping its owner, group and mode. */
    static WriteResult replace(Path target, byte[] content) {
        return SafeFileWriter.write(target, content);
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

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
