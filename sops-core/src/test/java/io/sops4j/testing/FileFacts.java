package io.sops4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** What a test asserts about a file on a POSIX file system: its type, its mode, a directory's entries. */
public final class FileFacts {

    /** File type bits of {@code unix:mode}, as {@code stat(2)} names them. */
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;
    private static final int S_IFMT = 0170000;

    private FileFacts() {
    }

    public static void assumeSuperuser() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "running as root");
    }

    /** The type bits of the file itself, not of a link's target. */
    public static int fileType(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
    }

    /** Permissions as {@code ls} shows them, e.g. {@code rw-r-----}. */
    public static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    public static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
