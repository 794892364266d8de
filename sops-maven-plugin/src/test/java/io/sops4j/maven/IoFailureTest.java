package io.sops4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoFailureTest {

    @TempDir
    Path project;

    private String message(IOException failure) {
        DecryptMojo mojo = new DecryptMojo();
        mojo.basedir = project.toFile();
        return mojo.ioFailure(project.resolve("src/main/secrets/a.yaml"), failure).getMessage();
    }

    @Test
    void namesTheFileAndTheReasonWithoutJavaClassNames() {
        String file = project.resolve("src/main/secrets/a.yaml").toString();

        assertThat(message(new AccessDeniedException(file)))
                .isEqualTo("sops:decrypt failed: src/main/secrets/a.yaml: permission denied");
        assertThat(message(new FileSystemException(file, null, "Is a directory")))
                .isEqualTo("sops:decrypt failed: src/main/secrets/a.yaml: is a directory");
        assertThat(message(new IOException("Input/output error")))
                .isEqualTo("sops:decrypt failed: src/main/secrets/a.yaml: Input/output error");
    }
}
