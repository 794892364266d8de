package io.sops4j.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process rewriting a file is killed with SIGKILL at random moments: the file is always one
 * whole version, and the temporary file a kill leaves behind is removed by the next write.
 */
class SafeFileWriterCrashTest {

    private static final int MAX_KILLS = 25;

    @TempDir
    Path dir;

    @Test
    void afterKillMinus9TheFileIsWholeAndTheLeftOverTemporaryFileIsRemovedNextTime() throws Exception {
        Path file = dir.resolve("secrets.bin");
        byte[] initial = new byte[RewriteLoop.SIZE];
        Arrays.fill(initial, (byte) 'A');
        Files.write(file, initial);

        List<Path> leftOver = List.of();
        for (int kill = 0; kill < MAX_KILLS && leftOver.isEmpty(); kill++) {
            Process writer = startWriter(file);
            BufferedReader progress = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            assertThat(progress.readLine()).as("the writer wrote once").startsWith("written");
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 120));
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertWhole(file);
            leftOver = temporaryFiles();
        }
        assertThat(leftOver).as("a kill landed during a write (else the test proved nothing)").hasSize(1);

        Files.setLastModifiedTime(leftOver.get(0), FileTime.from(Instant.now().minus(TemporaryFiles.GRACE.multipliedBy(2))));
        SafeFileWriter.write(file, "done".getBytes(StandardCharsets.UTF_8));

        assertThat(temporaryFiles()).as("the dead writer's temporary file, which could hold plaintext").isEmpty();
        assertThat(file).hasContent("done");
    }

    private static void assertWhole(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        assertThat(content).as("size of %s", file).hasSize(RewriteLoop.SIZE);
        byte first = content[0];
        for (int i = 0; i < content.length; i++) {
            if (content[i] != first) {
                throw new AssertionError("torn file: byte " + i + " is '" + (char) content[i] + "', byte 0 is '" + (char) first + "'");
            }
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> TemporaryFiles.isOurs(f.getFileName().toString())).toList();
        }
    }

    private static Process startWriter(Path file) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), RewriteLoop.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
