package io.sops4j.internal.files;

import static io.sops4j.testing.FileFacts.S_IFCHR;
import static io.sops4j.testing.FileFacts.S_IFIFO;
import static io.sops4j.testing.FileFacts.assumeSuperuser;
import static io.sops4j.testing.FileFacts.fileType;
import static io.sops4j.testing.FileFacts.list;
import static io.sops4j.testing.FileFacts.mode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFileWriterTest {


    @TempDir
    Path dir;

    @BeforeEach
    void posix() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file system");
    }

    @Test
    void replacesARegularFileWithANewOneAndLeavesNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), "a: 1\n");
        Object before = Files.readAttributes(file, "unix:ino").get("ino");

        WriteResult result = SafeFileWriter.write(file, bytes("a: 2\n"));

        assertThat(file).hasContent("a: 2");
        assertThat(result.method()).isEqualTo(WriteResult.Method.REPLACED);
        assertThat(Files.readAttributes(file, "unix:ino").get("ino")).as("a new inode: renamed over").isNotEqualTo(before);
        assertThat(list(dir)).containsExactly(file);
    }

    @Test
    void writesIntoACharacterDeviceWhichStaysADevice() throws Exception {
        Path device = dir.resolve("null");
        Assumptions.assumeTrue(run("mknod", device.toString(), "c", "1", "3") == 0, "mknod allowed (root)");

        WriteResult result = SafeFileWriter.write(device, bytes("secret: plaintext\n"));

        assertThat(result.method()).isEqualTo(WriteResult.Method.INTO_SPECIAL_FILE);
        assertThat(fileType(device)).as("still a character device").isEqualTo(S_IFCHR);
        assertThat(list(dir)).containsExactly(device);
    }

    @Test
    void writesIntoAFifoForItsReader() throws Exception {
        Path fifo = dir.resolve("fifo");
        Assumptions.assumeTrue(run("mkfifo", fifo.toString()) == 0, "mkfifo available");
        CompletableFuture<String> reader = readInBackground(fifo);

        WriteResult result = SafeFileWriter.write(fifo, bytes("a: 1\n"));

        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("a: 1\n");
        assertThat(result.method()).isEqualTo(WriteResult.Method.INTO_SPECIAL_FILE);
        assertThat(fileType(fifo)).as("still a FIFO").isEqualTo(S_IFIFO);
        assertThat(list(dir)).containsExactly(fifo);
    }

    @Test
    void writesIntoAnOpenDescriptorThroughProcAndALinkToIt() throws IOException {
        Path out = Files.writeString(dir.resolve("stdout.txt"), "before\n");
        try (FileChannel open = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            Path descriptor = descriptorOf(out);
            Path link = Files.createSymbolicLink(dir.resolve("out.link"), descriptor);
            Object inode = Files.readAttributes(out, "unix:ino").get("ino");

            SafeFileWriter.write(descriptor, bytes("one\n"));
            WriteResult result = SafeFileWriter.write(link, bytes("two\n"));

            assertThat(result.method()).isEqualTo(WriteResult.Method.INTO_SPECIAL_FILE);
            assertThat(out).hasContent("before\none\ntwo");
            assertThat(Files.readAttributes(out, "unix:ino").get("ino")).as("same file, never replaced").isEqualTo(inode);
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(list(dir)).containsExactlyInAnyOrder(out, link);
        }
    }

    @Test
    void writesThroughAChainOfRelativeLinksIntoTheTargetsDirectory() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path links = Files.createDirectories(dir.resolve("links"));
        Path target = Files.writeString(real.resolve("s.yaml"), "a: 1\n");
        Path first = Files.createSymbolicLink(links.resolve("first.yaml"), Path.of("../real/s.yaml"));
        Path second = Files.createSymbolicLink(links.resolve("second.yaml"), Path.of("first.yaml"));

        WriteResult result = SafeFileWriter.write(second, bytes("a: 2\n"));

        assertThat(target).hasContent("a: 2");
        assertThat(result.file()).isEqualTo(target.toRealPath());
        assertThat(Files.isSymbolicLink(first)).isTrue();
        assertThat(Files.isSymbolicLink(second)).isTrue();
        assertThat(Files.readSymbolicLink(second)).isEqualTo(Path.of("first.yaml"));
        assertThat(list(real)).containsExactly(target);
        assertThat(list(links)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aDanglingLinkGetsTheFileItPointsTo() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), Path.of("target.yaml"));

        SafeFileWriter.write(link, bytes("a: 1\n"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("target.yaml")).hasContent("a: 1");
    }

    @Test
    void keepsOwnerGroupAndModeOfTheReplacedFile() throws IOException {
        assumeSuperuser();
        Path file = Files.writeString(dir.resolve("s.yaml"), "a: 1\n");
        Files.setAttribute(file, "unix:uid", 65534);
        Files.setAttribute(file, "unix:gid", 65534);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        WriteResult result = SafeFileWriter.write(file, bytes("a: 2\n"));

        assertThat(result.method()).isEqualTo(WriteResult.Method.REPLACED);
        assertThat(file).hasContent("a: 2");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(65534);
        assertThat(mode(file)).isEqualTo("rw-r-----");
    }

    @Test
    void keepsAnUnusualMode() throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), "a: 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        SafeFileWriter.write(file, bytes("a: 2\n"));

        assertThat(mode(file)).isEqualTo("rw-rw-r--");
    }

    @Test
    void theSuperuserWritesAReadOnlyFileAsUpstreamDoesAndItStaysReadOnly() throws IOException {
        assumeSuperuser();
        Path file = Files.writeString(dir.resolve("s.yaml"), "a: 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        SafeFileWriter.write(file, bytes("a: 2\n"));

        assertThat(file).hasContent("a: 2");
        assertThat(mode(file)).isEqualTo("r--r--r--");
    }

    @Test
    void aNewFileGetsTheModeTheSystemGivesNewFiles() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        String umasked = mode(probe);

        SafeFileWriter.write(dir.resolve("new.yaml"), bytes("a: 1\n"));

        assertThat(mode(dir.resolve("new.yaml"))).isEqualTo(umasked);
    }

    @Test
    void ownerOnlyWritesGiveNewAndExistingFiles0600() throws IOException {
        Path existing = Files.writeString(dir.resolve("old.env"), "A=1\n");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

        SafeFileWriter.writeOwnerOnly(existing, bytes("A=2\n"));
        SafeFileWriter.writeOwnerOnly(dir.resolve("new.env"), bytes("B=1\n"));

        assertThat(mode(existing)).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("new.env"))).isEqualTo("rw-------");
        assertThat(existing).hasContent("A=2");
    }

    @Test
    void aFileWithOtherHardLinksIsRewrittenInPlaceSoEveryNameSeesTheNewContent() throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), "a: 1\n");
        Path other = Files.createLink(dir.resolve("other.yaml"), file);

        WriteResult result = SafeFileWriter.write(file, bytes("a: 2\n"));

        assertThat(other).hasContent("a: 2");
        assertThat(result.method()).isEqualTo(WriteResult.Method.IN_PLACE);
        assertThat(result.warning()).contains("2 hard links");
    }

    @Test
    void aBindMountedFileIsRewrittenInPlaceBecauseItCannotBeRenamedOver() throws Exception {
        Path source = Files.writeString(dir.resolve("host.yaml"), "a: 1\n");
        Path mounted = Files.writeString(dir.resolve("mounted.yaml"), "");
        Assumptions.assumeTrue(run("mount", "--bind", source.toString(), mounted.toString()) == 0, "mount allowed here");
        try {
            WriteResult result = SafeFileWriter.write(mounted, bytes("a: 2\n"));

            assertThat(result.method()).isEqualTo(WriteResult.Method.IN_PLACE);
            assertThat(result.warning()).contains("bind-mounted");
            assertThat(source).hasContent("a: 2");
        } finally {
            assertThat(run("umount", mounted.toString())).isZero();
        }
        assertThat(list(dir)).containsExactlyInAnyOrder(source, mounted);
    }

    @Test
    void mountPointsAreReadWithTheKernelsEscapes() {
        assertThat(MountPoints.unescape("/srv/my\\040file\\134x")).isEqualTo("/srv/my file\\x");
        assertThat(MountPoints.unescape("/plain")).isEqualTo("/plain");
    }

    @Test
    void removesTheTemporaryFilesOfGoneProcessesAndAbandonedOnesOnly() throws Exception {
        long gone = gonePid();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Path deadWriter = temp("a.yaml", gone, "0123abcd", Duration.ofMinutes(1));
            Path deadButFresh = temp("b.yaml", gone, "0123abce", Duration.ZERO);
            Path liveWriter = temp("c.yaml", alive.pid(), "0123abcf", Duration.ofMinutes(1));
            Path abandoned = temp("d.yaml", alive.pid(), "0123abc0", Duration.ofMinutes(20));
            Path notOurs = Files.writeString(dir.resolve(".a.yaml.tmp"), "x");
            Path target = Files.writeString(dir.resolve("a.yaml"), "a: 1\n");

            SafeFileWriter.write(target, bytes("a: 2\n"));

            assertThat(list(dir)).containsExactlyInAnyOrder(target, deadButFresh, liveWriter, notOurs);
            assertThat(deadWriter).doesNotExist();
            assertThat(abandoned).doesNotExist();
        } finally {
            alive.destroyForcibly().waitFor();
        }
    }

    @Test
    void temporaryFilesCarryARecognisableName() throws IOException {
        Path temporary = TemporaryFiles.create(dir, "secrets.yaml");

        assertThat(temporary.getFileName().toString()).matches("\\.secrets\\.yaml\\.sops-" + ProcessHandle.current().pid() + "-[0-9a-f]{8}\\.tmp");
        assertThat(TemporaryFiles.isOurs(temporary.getFileName().toString())).isTrue();
    }

    @Test
    void aMissingDirectoryFailsWithUpstreamsExitCodeAndTheSystemsWords() {
        Path file = dir.resolve("missing/s.yaml");

        assertThatThrownBy(() -> SafeFileWriter.write(file, bytes("a: 1\n")))
                .isInstanceOfSatisfying(SopsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.COULD_NOT_WRITE_OUTPUT_FILE);
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.getMessage()).contains("no such file or directory").doesNotContain("Exception");
                });
    }

    @Test
    void aDirectoryIsNotReplaced() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("d"));

        assertThatThrownBy(() -> SafeFileWriter.write(directory, bytes("a: 1\n")))
                .isInstanceOfSatisfying(SopsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.COULD_NOT_WRITE_OUTPUT_FILE);
                    assertThat(e.getMessage()).contains("is a directory");
                });
        assertThat(Files.isDirectory(directory)).isTrue();
    }

    private Path temp(String target, long pid, String random, Duration age) throws IOException {
        Path file = Files.writeString(dir.resolve("." + target + ".sops-" + pid + "-" + random + ".tmp"), "plaintext");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private static long gonePid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        assertThat(ProcessHandle.of(process.pid())).isEmpty();
        return process.pid();
    }

    /** The {@code /proc/self/fd} entry of this process's open descriptor of {@code file}. */
    private static Path descriptorOf(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    if (Files.readSymbolicLink(descriptor).equals(real)) {
                        return Path.of("/proc/self/fd").resolve(descriptor.getFileName());
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        Assumptions.abort("no /proc/self/fd");
        return null;
    }

    private static CompletableFuture<String> readInBackground(Path fifo) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                result.complete(new String(in.readAllBytes(), UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
