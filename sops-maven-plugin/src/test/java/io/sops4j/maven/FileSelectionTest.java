package io.sops4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSelectionTest {

    @TempDir
    Path dir;

    @Test
    void antPatterns() {
        assertThat(PathPattern.compile("**/*").matches("a.yaml")).isTrue();
        assertThat(PathPattern.compile("**/*").matches("x/y/a.yaml")).isTrue();
        assertThat(PathPattern.compile("*.yaml").matches("x/a.yaml")).isFalse();
        assertThat(PathPattern.compile("**/*.yaml").matches("a.yaml")).isTrue();
        assertThat(PathPattern.compile("prod/**").matches("prod/a/b.env")).isTrue();
        assertThat(PathPattern.compile("prod/").matches("prod/a.env")).isTrue();
        assertThat(PathPattern.compile("prod/").matches("production/a.env")).isFalse();
        assertThat(PathPattern.compile("a?.json").matches("ab.json")).isTrue();
        assertThat(PathPattern.compile("a?.json").matches("a/.json")).isFalse();
        assertThat(PathPattern.compile("a.(x)+").matches("a.(x)+")).isTrue();
    }

    @Test
    void selectsIncludedFilesInPathOrderWithoutExcludesOrConfiguration() throws IOException {
        touch("b.yaml");
        touch("a/c.env");
        touch("a/skip.txt");
        touch(".sops.yaml");
        touch("a/.sops.yaml");

        List<Path> all = new FileSelection(null, List.of("**/*.txt")).select(dir);
        assertThat(all).containsExactly(Path.of("a/c.env"), Path.of("b.yaml"));

        List<Path> yaml = new FileSelection(List.of("**/*.yaml"), null).select(dir);
        assertThat(yaml).containsExactly(Path.of("b.yaml"));
    }

    @Test
    void aMissingDirectorySelectsNothing() throws IOException {
        assertThat(new FileSelection(null, null).select(dir.resolve("absent"))).isEmpty();
    }

    private void touch(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
    }
}
