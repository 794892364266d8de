package io.sops4j.internal.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The mount points of this process's mount namespace, where the system lists them ({@code /proc/self/mountinfo}). */
final class MountPoints {

    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");
    private static final int MOUNT_POINT_FIELD = 4;

    private MountPoints() {
    }

    /** Whether {@code file} (a real path) is mounted on its own, as a file bind-mounted into a container is. */
    static boolean contains(Path file) {
        if (!Files.isReadable(MOUNT_INFO)) {
            return false;
        }
        String wanted = file.toString();
        try (Stream<String> lines = Files.lines(MOUNT_INFO)) {
            return lines.map(line -> line.split(" "))
                    .filter(fields -> fields.length > MOUNT_POINT_FIELD)
                    .anyMatch(fields -> unescape(fields[MOUNT_POINT_FIELD]).equals(wanted));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Undoes the kernel's octal escapes of space, tab, newline and backslash ({@code \040}). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static boolean isOctal(String field, int from) {
        for (int i = from; i < from + 3; i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
