package io.sops4j.internal.files;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Where a write lands once symbolic links are followed, and what is there. The links themselves are
 * never written: a write through a link changes the file it points to.
 */
record WriteTarget(Path file, Kind kind) {

    enum Kind {
        /** Nothing there yet: a new regular file is created. */
        ABSENT,
        /** A regular file: replaced atomically. */
        REGULAR,
        /** A device, FIFO, socket or directory: written into, never replaced. */
        SPECIAL,
        /** A file of a kernel file system such as {@code /proc/self/fd/1} behind {@code /dev/stdout}: written into. */
        KERNEL
    }

    /** File systems whose files are views of the kernel (process descriptors, settings), never replaced. */
    private static final Set<String> KERNEL_FILE_SYSTEMS = Set.of("proc", "sysfs");
    /** As Linux's own limit on links followed in one lookup. */
    private static final int MAX_LINKS = 40;

    static WriteTarget resolve(Path requested) throws IOException {
        Path path = requested.toAbsolutePath().normalize();
        for (int links = 0; ; links++) {
            Path directory = realDirectoryOf(path);
            if (isKernelFileSystem(directory)) {
                return new WriteTarget(path, Kind.KERNEL);
            }
            path = directory.resolve(path.getFileName());
            if (!Files.isSymbolicLink(path)) {
                break;
            }
            if (links == MAX_LINKS) {
                throw new FileSystemException(requested.toString(), null, "too many levels of symbolic links");
            }
            path = directory.resolve(Files.readSymbolicLink(path));
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new WriteTarget(path, Kind.ABSENT);
        }
        return new WriteTarget(path, attributes.isRegularFile() ? Kind.REGULAR : Kind.SPECIAL);
    }

    private static Path realDirectoryOf(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null) {
            throw new FileSystemException(path.toString(), null, "is a directory");
        }
        return parent.toRealPath();
    }

    private static boolean isKernelFileSystem(Path directory) {
        try {
            FileStore store = Files.getFileStore(directory);
            return KERNEL_FILE_SYSTEMS.contains(store.type());
        } catch (IOException e) {
            return false;
        }
    }
}
