package io.sops4j.keyservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.error.DataKeyException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.age.AgeKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sops4j client and a sops4j server over TCP and a unix socket: the age identity only in the
 * server's environment, the client's own keys not holding it.
 */
class KeyServiceRoundTripTest {

    private static final byte[] PLAINTEXT = "db:\n    password: hunter2\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path serverHome;

    @TempDir
    Path clientHome;

    private final AgeKeys.KeyPair pair = AgeKeys.generateX25519();

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void aFileEncryptedThroughTheServiceDecryptsLocallyAndTheOtherWayRound(String network) {
        try (KeyServiceServer server = start(network);
                KeyServiceClient client = KeyServiceClient.connect(server.uri())) {
            KeyEnvironment remoteOnly = clientEnvironment().withLocalKeyService(false).withKeyServices(List.of(client));

            byte[] throughService = Sops.builder().environment(remoteOnly).build()
                    .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));
            assertThat(new String(throughService, StandardCharsets.UTF_8))
                    .contains(pair.recipient(), "-----BEGIN AGE ENCRYPTED FILE-----").doesNotContain("hunter2");
            assertThat(Sops.builder().environment(keyHolder()).build().decrypt(throughService, Format.YAML).toBytes())
                    .isEqualTo(PLAINTEXT);

            byte[] local = Sops.builder().environment(keyHolder()).build()
                    .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));
            assertThat(Sops.builder().environment(remoteOnly).build().decrypt(local, Format.YAML).toBytes())
                    .isEqualTo(PLAINTEXT);

            // the local key service first: without the key it fails, and the remote one answers
            KeyEnvironment localFirst = clientEnvironment().withKeyServices(List.of(client));
            assertThat(Sops.builder().environment(localFirst).build().decrypt(local, Format.YAML).toBytes())
                    .isEqualTo(PLAINTEXT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void withoutTheServiceTheClientCannotDecrypt(String network) {
        byte[] local = Sops.builder().environment(keyHolder()).build()
                .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));
        DataKeyException failure = catchThrowableOfType(DataKeyException.class,
                () -> Sops.builder().environment(clientEnvironment()).build().decrypt(local, Format.YAML));
        assertThat(failure.exitCode().code()).isEqualTo(128);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix"})
    void theSocketFileIsRemovedWhenTheServerCloses(String network) {
        Path socket;
        try (KeyServiceServer server = start(network)) {
            socket = Path.of(server.address());
            assertThat(socket).exists();
        }
        assertThat(Files.exists(socket)).isFalse();
    }

    private KeyServiceServer start(String network) {
        String address = network.equals("unix") ? serverHome.resolve("keyservice.sock").toString() : "127.0.0.1:0";
        return KeyServiceServer.start(network, address, KeySources.installed(), keyHolder());
    }

    private KeyEnvironment keyHolder() {
        return KeyEnvironment.of(Map.of("SOPS_AGE_KEY", pair.identity()), serverHome);
    }

    private KeyEnvironment clientEnvironment() {
        return KeyEnvironment.of(Map.of(), clientHome);
    }
}
