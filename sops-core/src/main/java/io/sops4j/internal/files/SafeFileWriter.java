package io.sops4j.internal.files;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a whole file the way a user expects of {@code sops -i}, {@code --output} and the build goals.
 *
 * <ul>
 *   <li>Symbolic links are followed and kept: the file they point to gets the content.</li>
 *   <li>A regular file is replaced atomically: a temporary file in the target's directory, created
 *       owner-only, written and synced, given the target's owner, group and mode, renamed over the
 *       target; then the directory is synced. After a crash the target is whole, old or new.</li>
 *   <li>A device, FIFO or stream ({@code /dev/null}, {@code /dev/stdout}) is written into, never replaced.</li>
 *   <li>A file the user may not write is refused with "permission denied", as upstream's
 *       {@code os.Create} refuses it (the superuser may write it, as with upstream).</li>
 *   <li>A new file gets the mode upstream's {@code os.Create} gives: 0666 less the umask.</li>
 *   <li>Where a temporary file cannot keep the file as it was (the directory does not allow one, the
 *       owner cannot be given to it, the file has other hard links or is a bind-mounted file) the file
 *       is rewritten in place, as upstream always does, and the result says so.</li>
 * </ul>
 *
 * Failures are {@link SopsException}s with upstream's exit code for a failed write (3).
 */
public final class SafeFileWriter {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SafeFileWriter() {
    }

    /** Writes {@code content} to {@code file}, keeping an existing file's owner, group and mode. */
    public static WriteResult write(Path file, byte[] content) {
        return write(file, content, false);
    }

    /** Writes {@code content} to {@code file}, readable and writable by its owner only (0600), new or not. */
    public static WriteResult writeOwnerOnly(Path file, byte[] content) {
        return write(file, content, true);
    }

    private static WriteResult write(Path requested, byte[] content, boolean ownerOnly) {
        try {
            WriteTarget target = WriteTarget.resolve(requested);
            return switch (target.kind()) {
                case KERNEL -> writeInto(target.file(), content, StandardOpenOption.APPEND);
                case SPECIAL -> writeInto(target.file(), content);
                case REGULAR -> replace(target.file(), content, ownerOnly);
                case ABSENT -> create(target.file(), content, ownerOnly);
            };
        } catch (IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_WRITE_OUTPUT_FILE, "Could not write output file: " + reason(e), requested, null, e);
        }
    }

    private static WriteResult writeInto(Path file, byte[] content, OpenOption... extra) throws IOException {
        try (FileChannel channel = FileChannel.open(file, options(StandardOpenOption.WRITE, extra))) {
            writeFully(channel, content);
        }
        return new WriteResult(file, WriteResult.Method.INTO_SPECIAL_FILE, "");
    }

    private static WriteResult replace(Path file, byte[] content, boolean ownerOnly) throws IOException {
        file.getFileSystem().provider().checkAccess(file, AccessMode.WRITE);
        Path directory = file.getParent();
        PosixFileAttributeView targetView = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        PosixFileAttributes attributes = targetView == null ? null : targetView.readAttributes();
        Set<PosixFilePermission> mode = ownerOnly || attributes == null ? OWNER_ONLY : attributes.permissions();
        int links = hardLinks(file);
        if (links > 1) {
            return rewriteInPlace(file, content, ownerOnly, "it has " + links + " hard links, which a new file would not keep");
        }
        if (MountPoints.contains(file)) {
            return rewriteInPlace(file, content, ownerOnly, "it is mounted on its own (a bind-mounted file), which cannot be renamed over");
        }
        TemporaryFiles.removeStale(directory);
        Path temporary;
        try {
            temporary = TemporaryFiles.create(directory, file.getFileName().toString(), ownerOnlyAttributes(targetView != null));
        } catch (AccessDeniedException e) {
            return rewriteInPlace(file, content, ownerOnly, "the directory " + directory + " does not allow a temporary file");
        }
        try {
            writeAndSync(temporary, content);
            if (attributes != null) {
                PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
                if (!giveOwnership(view, attributes)) {
                    Files.delete(temporary);
                    return rewriteInPlace(file, content, ownerOnly,
                            "its owner or group (" + attributes.owner().getName() + ":" + attributes.group().getName()
                                    + ") can only be kept by writing the file itself");
                }
                view.setPermissions(mode);
            }
            moveOver(temporary, file);
            syncDirectory(directory);
            return new WriteResult(file, WriteResult.Method.REPLACED, "");
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static WriteResult create(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path directory = file.getParent();
        boolean posix = Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
        TemporaryFiles.removeStale(directory);
        Path temporary;
        try {
            // without attributes the system applies the umask: 0666 less the umask, as upstream's os.Create
            temporary = ownerOnly
                    ? TemporaryFiles.create(directory, file.getFileName().toString(), ownerOnlyAttributes(posix))
                    : TemporaryFiles.create(directory, file.getFileName().toString());
        } catch (AccessDeniedException e) {
            throw new SopsException(ExitCode.COULD_NOT_WRITE_OUTPUT_FILE,
                    "Could not create output file: permission denied: the directory " + directory + " does not allow writing",
                    file, null, e);
        }
        try {
            writeAndSync(temporary, content);
            moveOver(temporary, file);
            syncDirectory(directory);
            return new WriteResult(file, WriteResult.Method.REPLACED, "");
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static WriteResult rewriteInPlace(Path file, byte[] content, boolean ownerOnly, String reason) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(channel, content);
            channel.force(true);
        }
        if (ownerOnly && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return new WriteResult(file, WriteResult.Method.IN_PLACE, reason);
    }

    /** Gives {@code view}'s file the owner and group in {@code attributes}; false when not allowed. */
    private static boolean giveOwnership(PosixFileAttributeView view, PosixFileAttributes attributes) throws IOException {
        PosixFileAttributes current = view.readAttributes();
        try {
            if (!current.owner().equals(attributes.owner())) {
                view.setOwner(attributes.owner());
            }
            if (!current.group().equals(attributes.group())) {
                view.setGroup(attributes.group());
            }
            return true;
        } catch (FileSystemException e) {
            return false;
        }
    }

    private static void writeAndSync(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            writeFully(channel, content);
            channel.force(true);
        }
    }

    private static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void moveOver(Path temporary, Path file) throws IOException {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes the rename itself durable; file systems that cannot sync a directory are left as they are. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here (some platforms and file systems); the rename is done
        }
    }

    private static int hardLinks(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink")).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    private static FileAttribute<?>[] ownerOnlyAttributes(boolean posix) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static OpenOption[] options(OpenOption first, OpenOption... more) {
        OpenOption[] all = new OpenOption[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    /** What went wrong, in the words of the system ({@code permission denied}), without Java class names. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + ((NoSuchFileException) e).getFile();
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            String text = fileSystem.getReason();
            return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return String.valueOf(e.getMessage());
    }
}
