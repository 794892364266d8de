package io.sops4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecryptStateTest {

    @TempDir
    Path dir;

    @Test
    void anOutputIsUpToDateWhenNewerThanItsInputAndWrittenWithTheSameOptions() throws IOException {
        Path input = Files.writeString(dir.resolve("in.yaml"), "x");
        Path output = Files.writeString(dir.resolve("out.yaml"), "y");
        Files.setLastModifiedTime(input, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(output, FileTime.from(Instant.parse("2026-01-01T00:00:01Z")));
        Path stateFile = dir.resolve("state/decrypt.properties");

        DecryptState state = DecryptState.load(stateFile);
        assertThat(state.isUpToDate(input, output, "format=yaml")).isFalse();
        state.written(output, "format=yaml");
        state.save();

        DecryptState reloaded = DecryptState.load(stateFile);
        assertThat(reloaded.isUpToDate(input, output, "format=yaml")).isTrue();
        assertThat(reloaded.isUpToDate(input, output, "format=json")).isFalse();
        Files.setLastModifiedTime(input, FileTime.from(Instant.parse("2026-01-01T00:00:02Z")));
        assertThat(reloaded.isUpToDate(input, output, "format=yaml")).isFalse();
        Files.delete(output);
        assertThat(reloaded.isUpToDate(input, output, "format=yaml")).isFalse();
    }
}
