package io.sops4j.cli;

import static io.sops4j.testing.FileFacts.S_IFCHR;
import static io.sops4j.testing.FileFacts.S_IFIFO;
import static io.sops4j.testing.FileFacts.assumeSuperuser;
import static io.sops4j.testing.FileFacts.fileType;
import static io.sops4j.testing.FileFacts.list;
import static io.sops4j.testing.FileFacts.mode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code -i}, {@code --output} and the commands that always write in place put their bytes:
 * through links, into devices and FIFOs, keeping owner, group and mode, honouring the umask and the
 * file's permissions, as upstream sops does.
 */
class WriteSemanticsTest {

    private static final int NOBODY = 65534;
    /** Runs the command line as root without the capability to override file permissions, as any user runs. */
    private static final String[] WITHOUT_ROOT_OVERRIDE = {"setpriv", "--inh-caps=-dac_override,-dac_read_search",
        "--bounding-set=-dac_override,-dac_read_search"};

    @TempDir
    Path dir;

    @Test
    void outputIntoACharacterDeviceLeavesTheDeviceADevice() throws Exception {
        Cli cli = new Cli(dir);
        cli.encrypted("s.yaml", "pw: secret\n");
        Path device = dir.resolve("null");
        Assumptions.assumeTrue(run("mknod", device.toString(), "c", "1", "3") == 0, "mknod allowed (root)");

        Cli.Result result = cli.run("decrypt", "--output", "null", "s.yaml");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(fileType(device)).as("still a character device").isEqualTo(S_IFCHR);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void outputIntoAFifoReachesItsReader() throws Exception {
        Cli cli = new Cli(dir);
        cli.encrypted("s.yaml", "pw: secret\n");
        Path fifo = dir.resolve("fifo");
        Assumptions.assumeTrue(run("mkfifo", fifo.toString()) == 0, "mkfifo available");
        CompletableFuture<String> reader = readInBackground(fifo);

        Cli.Result result = cli.run("decrypt", "--output", "fifo", "s.yaml");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("pw: secret\n");
        assertThat(fileType(fifo)).as("still a FIFO").isEqualTo(S_IFIFO);
    }

    @Test
    void outputThroughALinkToStandardOutputIsPrinted() throws IOException {
        Cli cli = new Cli(dir);
        cli.encrypted("s.yaml", "pw: secret\n");
        Path link = Files.createSymbolicLink(dir.resolve("out.yaml"), Path.of("/proc/self/fd/1"));

        Cli.Result result = cli.run("decrypt", "--output", "out.yaml", "s.yaml");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("pw: secret\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/proc/self/fd/1"));
    }

    @Test
    void encryptInPlaceThroughALinkEncryptsTheFileItPointsTo() throws IOException {
        Cli cli = new Cli(dir);
        Path real = Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("s.yaml"), "pw: secret\n");
        Path link = Files.createSymbolicLink(dir.resolve("s.yaml"), Path.of("real/s.yaml"));

        Cli.Result result = cli.run("encrypt", "-i", "--age", Cli.AGE_RECIPIENT, "s.yaml");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readString(target)).doesNotContain("secret").contains("ENC[AES256_GCM,", Cli.AGE_RECIPIENT);
        assertThat(cli.decrypt("s.yaml")).isEqualTo("pw: secret\n");
        assertThat(list(real)).containsExactly(target);
    }

    @Test
    void rotateInPlaceThroughALinkRevokesTheRemovedKeyInTheFileItPointsTo() throws IOException {
        Cli cli = new Cli(dir);
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("s.yaml"), "pw: secret\n");
        assertThat(cli.run("encrypt", "-i", "--age", Cli.AGE_RECIPIENT + "," + Cli.OTHER_RECIPIENT, "real/s.yaml").exit()).isZero();
        String before = Files.readString(real.resolve("s.yaml"));
        Path link = Files.createSymbolicLink(dir.resolve("s.yaml"), Path.of("real/s.yaml"));

        Cli.Result result = cli.run("rotate", "-i", "--rm-age", Cli.OTHER_RECIPIENT, "s.yaml");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        String after = Files.readString(real.resolve("s.yaml"));
        assertThat(after).doesNotContain(Cli.OTHER_RECIPIENT).contains(Cli.AGE_RECIPIENT);
        assertThat(encryptedValue(after)).as("a new data key").isNotEqualTo(encryptedValue(before));
        assertThat(cli.decrypt("s.yaml")).isEqualTo("pw: secret\n");
    }

    @Test
    void everyCommandThatWritesInPlaceWritesThroughTheLinkAndKeepsOwnerGroupAndMode() throws IOException {
        assumeSuperuser();
        Cli cli = new Cli(dir);
        Path real = Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("s.yaml"), "a: one\nb: two\n");
        Path link = Files.createSymbolicLink(dir.resolve("s.yaml"), Path.of("real/s.yaml"));
        Files.setAttribute(target, "unix:uid", NOBODY);
        Files.setAttribute(target, "unix:gid", NOBODY);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        cli.write(".sops.yaml", "creation_rules:\n  - age: " + Cli.AGE_RECIPIENT + "," + Cli.OTHER_RECIPIENT + "\n");
        Path editor = cli.script("editor.sh", "sed -i 's/one/edited/' \"$1\"");
        cli.env("SOPS_EDITOR", editor.toString());

        String[][] commands = {
            {"encrypt", "-i", "--age", Cli.AGE_RECIPIENT, "s.yaml"},
            {"set", "s.yaml", "[\"c\"]", "\"three\""},
            {"unset", "s.yaml", "[\"b\"]"},
            {"edit", "s.yaml"},
            {"rotate", "-i", "s.yaml"},
            {"updatekeys", "-y", "s.yaml"},
            {"groups", "add", "--file", "s.yaml", "-i", "--age", Cli.AGE_RECIPIENT},
            {"decrypt", "-i", "s.yaml"},
        };
        String previous = Files.readString(target);
        for (String[] command : commands) {
            Cli.Result result = cli.run(command);

            assertThat(result.exit()).as("%s: %s", command[0], result.err()).isZero();
            assertThat(Files.isSymbolicLink(link)).as("%s keeps the link", command[0]).isTrue();
            assertThat(Files.getAttribute(target, "unix:uid")).as("%s keeps the owner", command[0]).isEqualTo(NOBODY);
            assertThat(Files.getAttribute(target, "unix:gid")).as("%s keeps the group", command[0]).isEqualTo(NOBODY);
            assertThat(mode(target)).as("%s keeps the mode", command[0]).isEqualTo("rw-r-----");
            String now = Files.readString(target);
            assertThat(now).as("%s changed the file the link points to", command[0]).isNotEqualTo(previous);
            previous = now;
        }
        assertThat(previous).isEqualTo("a: edited\nc: three\n");
        assertThat(list(real)).containsExactly(target);
    }

    @Test
    void newOutputFilesHonourTheUmask() throws IOException {
        Cli cli = new Cli(dir);
        cli.encrypted("s.yaml", "pw: secret\n");

        Cli.Result strict = cli.launchedThrough("sh", "-c", "umask 077 && exec \"$@\"", "sh").run("decrypt", "--output", "p077.yaml", "s.yaml");
        Cli.Result usual = cli.launchedThrough("sh", "-c", "umask 022 && exec \"$@\"", "sh").run("decrypt", "--output", "p022.yaml", "s.yaml");

        assertThat(strict.exit()).as(strict.err()).isZero();
        assertThat(usual.exit()).as(usual.err()).isZero();
        assertThat(mode(dir.resolve("p077.yaml"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("p022.yaml"))).isEqualTo("rw-r--r--");
        assertThat(dir.resolve("p077.yaml")).hasContent("pw: secret");
    }

    @Test
    void aReadOnlyFileIsRefusedWithPermissionDeniedAndExitCode3() throws IOException {
        Cli cli = new Cli(dir).launchedThrough(WITHOUT_ROOT_OVERRIDE);
        Assumptions.assumeTrue(cli.run("--version").exit() == 0, "setpriv can drop capabilities here");
        cli.launchedThrough();
        Path file = cli.encrypted("s.yaml", "pw: secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);

        Cli.Result result = cli.launchedThrough(WITHOUT_ROOT_OVERRIDE).run("rotate", "-i", "s.yaml");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("s.yaml", "permission denied").doesNotContain("Exception");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(list(dir)).allMatch(f -> !f.getFileName().toString().contains(".sops-"), "no temporary file");
    }

    @Test
    void theSuperuserMayRewriteAReadOnlyFileAsWithUpstreamAndItStaysReadOnly() throws IOException {
        assumeSuperuser();
        Cli cli = new Cli(dir);
        Path file = cli.encrypted("s.yaml", "pw: secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        String before = Files.readString(file);

        Cli.Result result = cli.run("rotate", "-i", "s.yaml");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.readString(file)).isNotEqualTo(before);
        assertThat(mode(file)).isEqualTo("r--r--r--");
    }

    @Test
    void inADirectoryThatAllowsNoTemporaryFileAFileIsRewrittenInPlaceAndANewOneIsRefused() throws IOException {
        Cli cli = new Cli(dir).launchedThrough(WITHOUT_ROOT_OVERRIDE);
        Assumptions.assumeTrue(cli.run("--version").exit() == 0, "setpriv can drop capabilities here");
        cli.launchedThrough();
        cli.encrypted("s.yaml", "pw: secret\n");
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        Path file = Files.copy(dir.resolve("s.yaml"), readOnly.resolve("s.yaml"));
        Object inode = Files.getAttribute(file, "unix:ino");
        String before = Files.readString(file);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        cli.launchedThrough(WITHOUT_ROOT_OVERRIDE);

        Cli.Result rotated = cli.run("rotate", "-i", "ro/s.yaml");
        Cli.Result created = cli.run("decrypt", "--output", "ro/new.yaml", "s.yaml");

        assertThat(rotated.exit()).as(rotated.err()).isZero();
        assertThat(rotated.err()).contains("rewritten in place, not atomically", "does not allow a temporary file");
        assertThat(Files.readString(file)).isNotEqualTo(before);
        assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
        assertThat(cli.decrypt("ro/s.yaml")).isEqualTo("pw: secret\n");
        assertThat(created.exit()).isEqualTo(3);
        assertThat(created.err()).contains("permission denied", "does not allow writing").doesNotContain("Exception");
        assertThat(list(readOnly)).containsExactly(file);
    }

    private static String encryptedValue(String file) {
        return file.lines().filter(line -> line.startsWith("pw: ")).findFirst().orElseThrow();
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
}
