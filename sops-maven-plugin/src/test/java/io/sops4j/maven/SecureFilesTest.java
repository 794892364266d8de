package io.sops4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFilesTest {

    @TempDir
    Path dir;

    @Test
    void plaintextIsOwnerOnlyAndLeavesNoTemporaryFile() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");
        Path target = dir.resolve("out/nested/secret.env");

        SecureFiles.writeOwnerOnly(target, "A=1\n".getBytes());
        SecureFiles.writeOwnerOnly(target, "A=2\n".getBytes());

        assertThat(target).hasContent("A=2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("out")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("out/nested")))).isEqualTo("rwx------");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacingKeepsThePermissions() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");
        Path target = dir.resolve("app.yaml");
        Files.writeString(target, "a: 1\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        SecureFiles.replace(target, "a: 2\n".getBytes());

        assertThat(target).hasContent("a: 2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    }

    @Test
    void replacingThroughALinkChangesTheFileItPointsToAndKeepsTheLink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("shared"));
        Path target = Files.writeString(real.resolve("db.yaml"), "a: 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("db.yaml"), Path.of("shared/db.yaml"));

        SecureFiles.replace(link, "a: 2\n".getBytes());

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("a: 2");
    }

    @Test
    void replacingKeepsOwnerAndGroup() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "running as root");
        Path target = Files.writeString(dir.resolve("db.yaml"), "a: 1\n");
        Files.setAttribute(target, "unix:uid", 65534);
        Files.setAttribute(target, "unix:gid", 65534);

        SecureFiles.replace(target, "a: 2\n".getBytes());

        assertThat(Files.getAttribute(target, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(target, "unix:gid")).isEqualTo(65534);
    }

    @Test
    void decryptedOutputsAreOwnerOnlyWhateverTheUmaskAndTheModeTheyHad() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");
        Path target = Files.writeString(dir.resolve("secret.env"), "A=1\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));

        SecureFiles.writeOwnerOnly(target, "A=2\n".getBytes());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    @Test
    void aFailedWriteIsASopsErrorNamingTheFile() {
        Path target = dir.resolve("missing/db.yaml");

        assertThatThrownBy(() -> SecureFiles.replace(target, "a: 1\n".getBytes()))
                .isInstanceOfSatisfying(SopsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.COULD_NOT_WRITE_OUTPUT_FILE);
                    assertThat(e.file()).isEqualTo(target);
                });
    }
}
