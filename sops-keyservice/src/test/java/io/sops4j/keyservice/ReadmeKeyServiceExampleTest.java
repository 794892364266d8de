package io.sops4j.keyservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.DecryptedFile;
import io.sops4j.Sops;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's key-service example: the same calls, with the server's keys and the file taken from
 * the test data instead of the process environment; and the README still shows those calls.
 */
class ReadmeKeyServiceExampleTest {

    private static final Path README = Path.of("../README.md");
    private static final Path DEMO = Path.of("../testdata/demo/app-secrets.sops.yaml");
    private static final Path DEMO_KEY = Path.of("../testdata/keys/demo-age.txt");

    @TempDir
    Path serverHome;

    @TempDir
    Path clientHome;

    @Test
    void aClientWithoutKeysDecryptsTheDemoFileThroughAServerOnAUnixSocket() throws Exception {
        KeyEnvironment serverKeys = KeyEnvironment.of(Map.of("SOPS_AGE_KEY_FILE", DEMO_KEY.toAbsolutePath().toString()), serverHome);
        String socket = serverHome.resolve("sops.sock").toString();
        KeyEnvironment clientKeys = KeyEnvironment.of(Map.of(), clientHome);

        try (KeyServiceServer server = KeyServiceServer.start("unix", socket, KeySources.installed(), serverKeys);
                KeyServiceClient remote = KeyServiceClient.connect("unix://" + socket)) {
            Sops sops = Sops.builder()
                    .environment(clientKeys.withKeyServices(List.of(remote)).withLocalKeyService(false))
                    .build();
            try (DecryptedFile file = sops.decrypt(DEMO)) {
                Object password = file.extract("[\"database\"][\"password\"]");
                assertThat(password).isEqualTo("s3cr3t-Pa55w0rd");
            }
        }
    }

    @Test
    void theReadmeShowsTheseCalls() throws Exception {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("```java\\n(try \\(KeyServiceClient remote.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has the key-service example").isTrue();
        String example = block.group(1).replaceAll("\\s+", " ");
        assertThat(example).contains(
                "KeyServiceClient remote = KeyServiceClient.connect(\"tcp://127.0.0.1:5000\")",
                "Sops.builder() .environment(KeyEnvironment.system().withKeyServices(List.of(remote)).withLocalKeyService(false)) .build();",
                "try (DecryptedFile file = sops.decrypt(Path.of(\"secrets.sops.yaml\")))",
                "Object password = file.extract(\"[\\\"database\\\"][\\\"password\\\"]\");",
                "KeyServiceServer server = KeyServiceServer.start(\"unix\", \"/run/sops.sock\", KeySources.installed(), KeyEnvironment.system())",
                "server.awaitTermination();");
    }
}
