package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sops keyservice} running as its own process with the age identity, and commands of
 * another process without it that name it with {@code --keyservice}.
 */
class KeyServiceCommandTest {

    private static final String PLAINTEXT = "db:\n    password: hunter2\n";

    @TempDir
    Path serverDir;

    @TempDir
    Path clientDir;

    @Test
    void decryptAndEncryptThroughAServiceOverTcp() throws Exception {
        Process server = new Cli(serverDir).start("keyservice", "--network", "tcp", "--address", "127.0.0.1:0");
        try {
            roundTrip(listeningOn(server));
        } finally {
            stop(server);
        }
    }

    @Test
    void decryptAndEncryptThroughAServiceOnAUnixSocket() throws Exception {
        Path socket = serverDir.resolve("sops.sock");
        Process server = new Cli(serverDir).start("keyservice", "--network", "unix", "--address", socket.toString());
        try {
            assertThat(listeningOn(server)).isEqualTo("unix://" + socket);
            roundTrip("unix://" + socket);
        } finally {
            stop(server);
        }
        assertThat(Files.exists(socket)).as("socket removed on stop").isFalse();
    }

    @Test
    void aServiceThatIsDownFailsWithUpstreamsErrorAndExitCode() throws IOException {
        Cli owner = new Cli(serverDir);
        owner.encrypted("secret.yaml", PLAINTEXT);
        Cli client = new Cli(clientDir).env("SOPS_AGE_KEY", null);
        Files.copy(serverDir.resolve("secret.yaml"), clientDir.resolve("secret.yaml"));
        String uri = "tcp://127.0.0.1:" + freePort();

        Cli.Result decrypting = client.run("decrypt", "--keyservice", uri, "--enable-local-keyservice=false", "secret.yaml");
        assertThat(decrypting.exit()).isEqualTo(128);
        assertThat(decrypting.err()).contains("Failed to get the data key required to decrypt the SOPS file.",
                Cli.AGE_RECIPIENT + ": FAILED", "- | rpc error: code = Unavailable desc = ").doesNotContain("Exception");

        client.write("plain.yaml", PLAINTEXT);
        Cli.Result encrypting = client.run("encrypt", "--age", Cli.AGE_RECIPIENT, "--keyservice", uri,
                "--enable-local-keyservice=false", "plain.yaml");
        assertThat(encrypting.exit()).isEqualTo(1);
        assertThat(encrypting.err()).startsWith("Could not generate data key: [failed to encrypt new data key with master key \""
                + Cli.AGE_RECIPIENT + "\": rpc error: code = Unavailable desc = ");
        assertThat(encrypting.out()).isEmpty();
    }

    @Test
    void theEnvironmentVariablesNameTheServiceAndSwitchTheLocalOneOff() throws IOException {
        Cli owner = new Cli(serverDir);
        owner.encrypted("secret.yaml", PLAINTEXT);
        Cli.Result result = owner.env("SOPS_KEYSERVICE", "tcp://127.0.0.1:" + freePort())
                .env("SOPS_ENABLE_LOCAL_KEYSERVICE", "false").run("decrypt", "secret.yaml");
        assertThat(result.exit()).as("the key is here, but the local key service is off").isEqualTo(128);
        assertThat(result.err()).contains("rpc error: code = Unavailable");
    }

    @Test
    void decryptingWithoutAKeyServiceLoadsNoGrpcClass() throws IOException {
        Cli owner = new Cli(serverDir);
        owner.encrypted("secret.yaml", PLAINTEXT);
        Path classes = serverDir.resolve("classes.log");
        Cli.Result result = owner.env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes).run("decrypt", "secret.yaml");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(PLAINTEXT);
        assertThat(Files.readString(classes)).contains("io.sops4j.cli.SopsCommand").doesNotContain("io.grpc.", "io.sops4j.keyservice.");
    }

    private void roundTrip(String uri) throws IOException {
        Cli owner = new Cli(serverDir);
        Cli client = new Cli(clientDir).env("SOPS_AGE_KEY", null);

        owner.encrypted("local.yaml", PLAINTEXT);
        Files.copy(serverDir.resolve("local.yaml"), clientDir.resolve("local.yaml"));
        assertThat(client.run("decrypt", "local.yaml").exit()).as("the client alone has no key").isEqualTo(128);
        Cli.Result decrypted = client.run("decrypt", "--keyservice", uri, "--enable-local-keyservice=false", "local.yaml");
        assertThat(decrypted.exit()).as(decrypted.err()).isZero();
        assertThat(decrypted.out()).isEqualTo(PLAINTEXT);

        client.write("plain.yaml", PLAINTEXT);
        Cli.Result encrypted = client.run("encrypt", "--age", Cli.AGE_RECIPIENT, "--keyservice", uri,
                "--enable-local-keyservice=false", "plain.yaml");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        assertThat(encrypted.out()).contains(Cli.AGE_RECIPIENT).doesNotContain("hunter2");
        owner.write("remote.yaml", encrypted.out());
        assertThat(owner.decrypt("remote.yaml")).isEqualTo(PLAINTEXT);

        Cli.Result rotated = client.run("rotate", "-i", "--keyservice", uri, "--enable-local-keyservice=false", "local.yaml");
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        Files.copy(clientDir.resolve("local.yaml"), serverDir.resolve("rotated.yaml"));
        assertThat(owner.decrypt("rotated.yaml")).isEqualTo(PLAINTEXT);
    }

    /** The URI the server prints once it listens. */
    private static String listeningOn(Process server) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            if (line.startsWith("Listening on ")) {
                return line.substring("Listening on ".length());
            }
        }
        throw new IllegalStateException("the key service ended without listening, exit " + server.exitValue());
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
