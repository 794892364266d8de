package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LargeInputRerunTest {

    @TempDir
    Path temp;

    @Test
    void aRegularFileOverTwentyFourMebibytesIsLarge() throws Exception {
        Path large = sparse("large.bin", LargeInputRerun.LARGE + 1);
        Path limit = sparse("limit.bin", LargeInputRerun.LARGE);
        Path small = Files.writeString(temp.resolve("small.yaml"), "a: b\n");

        assertThat(LargeInputRerun.anyLarge(new String[] {"decrypt", large.toString()})).isTrue();
        assertThat(LargeInputRerun.anyLarge(new String[] {"encrypt", "--output", "out", limit.toString()})).isFalse();
        assertThat(LargeInputRerun.anyLarge(new String[] {"decrypt", small.toString()})).isFalse();
    }

    @Test
    void aSymlinkCountsAsTheFileItNames() throws Exception {
        Path large = sparse("large.bin", LargeInputRerun.LARGE + 1);
        Path link = Files.createSymbolicLink(temp.resolve("link.bin"), large);

        assertThat(LargeInputRerun.anyLarge(new String[] {"decrypt", link.toString()})).isTrue();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void fifosDirectoriesAndNamesThatAreNoFilesAreLeftAlone() throws Exception {
        Path fifo = temp.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThat(LargeInputRerun.anyLarge(new String[] {"decrypt", fifo.toString(), temp.toString(),
                "missing.yaml", "/dev/stdout", "--extract=[\"a\"]", "nul\0name"})).isFalse();
    }

    @Test
    void withoutTheLauncherPropertyNothingRunsAgain() throws Exception {
        Path large = sparse("large.bin", LargeInputRerun.LARGE + 1);

        assertThat(System.getProperty(LargeInputRerun.PROPERTY)).isNull();
        assertThat(LargeInputRerun.run(new String[] {"decrypt", large.toString()})).isEmpty();
    }

    private Path sparse(String name, long length) throws Exception {
        Path file = temp.resolve(name);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(length);
        }
        return file;
    }
}
