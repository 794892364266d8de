package io.sops4j.internal.files;

import io.sops4j.internal.crypto.Randomness;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files a write creates beside its target: {@code .<name>.sops-<pid>-<random>.tmp}.
 * One left behind by a process that died (kill -9, power loss) may hold plaintext; it is removed by
 * the next write into the same directory once its process is gone, or once it is clearly abandoned.
 */
final class TemporaryFiles {

    static final String SUFFIX = ".tmp";
    private static final Pattern NAME = Pattern.compile("\\..+\\.sops-(\\d{1,19})-[0-9a-f]{8}\\.tmp");
    /** Older than this, a temporary file is abandoned whatever its process: no write takes this long. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);
    /**
     * Younger than this, a temporary file is left alone even when its process is not seen: the writer
     * may live in another PID namespace (a container sharing the directory).
     */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final int MAX_NAME_PREFIX = 100;
    private static final long PID = ProcessHandle.current().pid();

    private TemporaryFiles() {
    }

    /** A new, empty temporary file in {@code directory} for a write to the file named {@code targetName}. */
    static Path create(Path directory, String targetName, FileAttribute<?>... attributes) throws IOException {
        String prefix = "." + shortened(targetName) + ".sops-" + PID + "-";
        while (true) {
            byte[] random = Randomness.bytes(4);
            try {
                return Files.createFile(directory.resolve(prefix + HexFormat.of().formatHex(random) + SUFFIX), attributes);
            } catch (FileAlreadyExistsException e) {
                // another writer drew the same name: draw again
            }
        }
    }

    static boolean isOurs(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** Removes the temporary files of ours in {@code directory} whose writer is gone; failures are ignored. */
    static void removeStale(Path directory) {
        Instant now = Instant.now();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".*.sops-*" + SUFFIX)) {
            for (Path entry : entries) {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                if (name.matches()) {
                    removeIfStale(entry, Long.parseLong(name.group(1)), now);
                }
            }
        } catch (IOException | DirectoryIteratorException | NumberFormatException e) {
            // cleaning up is a courtesy; the write itself does not depend on it
        }
    }

    private static void removeIfStale(Path file, long pid, Instant now) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isRegularFile() && isStale(pid, Duration.between(attributes.lastModifiedTime().toInstant(), now))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // gone already, or not ours to remove
        }
    }

    static boolean isStale(long pid, Duration age) {
        if (age.compareTo(ABANDONED_AFTER) > 0) {
            return true;
        }
        if (pid == PID || age.compareTo(GRACE) < 0) {
            return false;
        }
        return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    private static String shortened(String name) {
        if (name.length() <= MAX_NAME_PREFIX) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_NAME_PREFIX - 1)) ? MAX_NAME_PREFIX - 1 : MAX_NAME_PREFIX;
        return name.substring(0, end);
    }
}
