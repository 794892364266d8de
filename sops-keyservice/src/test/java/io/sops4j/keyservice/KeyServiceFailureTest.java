package io.sops4j.keyservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.age.AgeKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key service that is down, declines or lacks the key: upstream's messages and exit codes. */
class KeyServiceFailureTest {

    private static final byte[] PLAINTEXT = "secret: hunter2\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private final AgeKeys.KeyPair pair = AgeKeys.generateX25519();

    @Test
    void aServiceThatIsDownFailsDecryptionWithExit128AndEncryptionWithExit1() throws IOException {
        byte[] encrypted = encryptLocally();
        try (KeyServiceClient client = KeyServiceClient.connect("tcp://127.0.0.1:" + freePort())) {
            Sops remoteOnly = Sops.builder().environment(empty().withLocalKeyService(false).withKeyServices(List.of(client))).build();

            SopsException decrypting = catchThrowableOfType(SopsException.class, () -> remoteOnly.decrypt(encrypted, Format.YAML));
            assertThat(decrypting.exitCode()).isEqualTo(ExitCode.COULD_NOT_RETRIEVE_KEY);
            assertThat(decrypting.getMessage()).contains("Failed to get the data key required to decrypt the SOPS file.",
                    "Group 0: FAILED", pair.recipient() + ": FAILED", "- | rpc error: code = Unavailable desc = ");

            SopsException encrypting = catchThrowableOfType(SopsException.class, () -> remoteOnly.encrypt(PLAINTEXT, Format.YAML,
                    EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient()))));
            assertThat(encrypting.exitCode()).isEqualTo(ExitCode.GENERIC);
            assertThat(encrypting.getMessage()).startsWith("Could not generate data key: [failed to encrypt new data key with master key \""
                    + pair.recipient() + "\": rpc error: code = Unavailable desc = ");
        }
    }

    @Test
    void aDeclinedRequestIsPermissionDenied() {
        byte[] encrypted = encryptLocally();
        List<String> asked = new ArrayList<>();
        try (KeyServiceServer server = KeyServiceServer.start("tcp", "127.0.0.1:0", KeySources.installed(), holder(),
                        (request, key) -> asked.add(request + " " + key) && false);
                KeyServiceClient client = KeyServiceClient.connect(server.uri())) {
            SopsException failure = catchThrowableOfType(SopsException.class, () -> Sops.builder()
                    .environment(empty().withLocalKeyService(false).withKeyServices(List.of(client))).build()
                    .decrypt(encrypted, Format.YAML));
            assertThat(failure.getMessage()).contains("rpc error: code = PermissionDenied desc = Request rejected by user");
            assertThat(asked).containsExactly("decrypt age key " + pair.recipient());
        }
    }

    @Test
    void aServerWithoutTheKeySendsTheKeySourcesErrorAndTheClientReportsEachService() {
        byte[] encrypted = encryptLocally();
        try (KeyServiceServer server = KeyServiceServer.start("tcp", "127.0.0.1:0", KeySources.installed(), empty());
                KeyServiceClient client = KeyServiceClient.connect(server.uri())) {
            SopsException failure = catchThrowableOfType(SopsException.class, () -> Sops.builder()
                    .environment(empty().withKeyServices(List.of(client))).build().decrypt(encrypted, Format.YAML));
            assertThat(failure.exitCode()).isEqualTo(ExitCode.COULD_NOT_RETRIEVE_KEY);
            assertThat(failure.getMessage()).contains("\n\n    - | rpc error: code = Unknown desc = ")
                    .doesNotContain(pair.identity());
        }
    }

    @Test
    void aUriThatIsNeitherTcpNorUnixIsRefused() {
        SopsException failure = catchThrowableOfType(SopsException.class, () -> KeyServiceClient.connect("http://localhost:5000"));
        assertThat(failure.getMessage()).isEqualTo("invalid key service URI 'http://localhost:5000': want tcp://host:port or unix:///path");
    }

    @Test
    void aServerCannotListenTwiceOnOneAddress() {
        try (KeyServiceServer first = KeyServiceServer.start("tcp", "127.0.0.1:0", KeySources.installed(), holder())) {
            SopsException failure = catchThrowableOfType(SopsException.class,
                    () -> KeyServiceServer.start("tcp", first.address(), KeySources.installed(), holder()));
            assertThat(failure.getMessage()).startsWith("failed to listen on tcp " + first.address());
        }
    }

    private byte[] encryptLocally() {
        return Sops.builder().environment(holder()).build()
                .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));
    }

    private KeyEnvironment holder() {
        return KeyEnvironment.of(Map.of("SOPS_AGE_KEY", pair.identity()), home);
    }

    private KeyEnvironment empty() {
        return KeyEnvironment.of(Map.of(), home);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
