package io.sops4j.kms.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.ExitCode;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.MetadataShape;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import io.sops4j.kms.TestCertificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTransitTest {

    @TempDir
    Path home;

    private VaultStandIn vault;
    private final byte[] dataKey = new byte[32];

    @BeforeEach
    void start() throws IOException {
        vault = new VaultStandIn("s.test-token");
        new SecureRandom().nextBytes(dataKey);
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private KeyEnvironment environment(Map<String, String> variables) {
        return KeyEnvironment.of(variables, home);
    }

    private KeyEnvironment withToken() {
        return environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_MAX_RETRIES", "2"));
    }

    @Test
    void encryptsAndDecryptsThroughTheTransitEngine() {
        VaultTransitMasterKey key = VaultTransit.key(vault.address() + "/v1/team/transit/keys/app");
        MasterKey encrypted = key.encrypt(dataKey, withToken());

        assertThat(encrypted.encryptedKey()).startsWith("vault:v1:");
        assertThat(encrypted.decrypt(withToken())).isEqualTo(dataKey);
        assertThat(vault.paths).containsExactly("PUT /v1/team/transit/encrypt/app", "PUT /v1/team/transit/decrypt/app");
    }

    @Test
    void aStoredKeyDecryptsAfterARoundTripThroughMetadata() {
        MasterKey encrypted = VaultTransit.key(vault.address() + "/v1/transit/keys/app").encrypt(dataKey, withToken());
        TreeBranch entry = encrypted.toMetadata();

        MasterKey loaded = KeySources.installed().find("hc_vault").orElseThrow().fromMetadata(entry);

        assertThat(loaded.id()).isEqualTo(encrypted.id());
        assertThat(loaded.toMetadata()).isEqualTo(entry);
        assertThat(loaded.decrypt(withToken())).isEqualTo(dataKey);
    }

    @Test
    void metadataFieldsAreInGoOrderLikeTheUpstreamKmsEntry() {
        TreeBranch upstream = MetadataShape.upstreamKmsEntry();
        MasterKey encrypted = VaultTransit.key(vault.address() + "/v1/transit/keys/app").encrypt(dataKey, withToken());

        List<String> fields = MetadataShape.keys(encrypted.toMetadata());
        assertThat(fields).containsExactly("created_at", "enc", "engine_path", "key_name", "vault_address");
        assertThat(fields).isSorted();
        assertThat(MetadataShape.keys(upstream)).isSorted();
        assertThat(encrypted.toMetadata().get("created_at").orElseThrow().toString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                .hasSameSizeAs(upstream.get("created_at").orElseThrow().toString());
        assertThat(encrypted.toMetadata().get("vault_address")).contains(vault.address());
        assertThat(encrypted.toMetadata().get("engine_path")).contains("transit");
        assertThat(encrypted.toMetadata().get("key_name")).contains("app");
    }

    @Test
    void theTokenComesFromTheVaultTokenFileWhenVaultTokenIsUnset() throws IOException {
        Files.writeString(home.resolve(".vault-token"), "  " + vault.token + "\n");
        MasterKey encrypted = VaultTransit.key(vault.address() + "/v1/transit/keys/app").encrypt(dataKey, environment(Map.of()));

        assertThat(encrypted.decrypt(environment(Map.of("VAULT_NAMESPACE", "team-a")))).isEqualTo(dataKey);
        assertThat(vault.namespaces).containsExactly("team-a");
    }

    @Test
    void aWrongTokenFailsNamingTheKeyAndTheCause() {
        VaultTransitMasterKey key = VaultTransit.key(vault.address() + "/v1/transit/keys/app");

        assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", "s.wrong"))))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining(key.id())
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("permission denied")
                .hasMessageNotContaining("s.wrong")
                .satisfies(e -> assertThat(((DataKeyException) e).exitCode()).isEqualTo(ExitCode.COULD_NOT_RETRIEVE_KEY));
    }

    @Test
    void anotherKeysCiphertextDoesNotDecrypt() {
        MasterKey first = VaultTransit.key(vault.address() + "/v1/transit/keys/one").encrypt(dataKey, withToken());
        TreeBranch swapped = VaultTransit.key(vault.address() + "/v1/transit/keys/two").toMetadata();
        swapped.items().set(1, new io.sops4j.tree.TreeItem("enc", first.encryptedKey()));
        MasterKey other = new VaultTransitKeySource().fromMetadata(swapped);

        assertThatThrownBy(() -> other.decrypt(withToken()))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("/v1/transit/keys/two")
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void throttlingAndTransientErrorsAreRetriedThenSucceed() {
        vault.throttleNext.set(1);
        vault.failNextWith503.set(1);

        MasterKey encrypted = VaultTransit.key(vault.address() + "/v1/transit/keys/app").encrypt(dataKey, withToken());

        assertThat(encrypted.decrypt(withToken())).isEqualTo(dataKey);
        assertThat(vault.paths).hasSize(4);
    }

    @Test
    void retriesAreBounded() {
        vault.throttleNext.set(10);

        assertThatThrownBy(() -> VaultTransit.key(vault.address() + "/v1/transit/keys/app")
                .encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_MAX_RETRIES", "1"))))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("HTTP 429");
        assertThat(vault.paths).hasSize(2);
    }

    @Test
    void aSlowServerTimesOut() {
        vault.delayMillis = 3_000;
        long start = System.nanoTime();

        assertThatThrownBy(() -> VaultTransit.key(vault.address() + "/v1/transit/keys/app").encrypt(dataKey,
                environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_CLIENT_TIMEOUT", "500ms", "VAULT_MAX_RETRIES", "0"))))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("timed out");
        assertThat(System.nanoTime() - start).isLessThan(2_500_000_000L);
    }

    @Test
    void whenTheFirstKeyIsUnreachableTheNextKeyDecrypts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MasterKey unreachable = VaultTransit.key("http://127.0.0.1:" + closedPort + "/v1/transit/keys/app");
        MasterKey reachable = VaultTransit.key(vault.address() + "/v1/transit/keys/app").encrypt(dataKey, withToken());
        List<MasterKey> group = List.of(new VaultTransitKeySource().fromMetadata(
                        withEnc(unreachable.toMetadata(), reachable.encryptedKey())),
                new VaultTransitKeySource().fromMetadata(reachable.toMetadata()));

        byte[] recovered = null;
        for (MasterKey key : group) {
            try {
                recovered = key.decrypt(environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_MAX_RETRIES", "0")));
                break;
            } catch (DataKeyException e) {
                assertThat(e).hasMessageContaining("127.0.0.1:" + closedPort);
            }
        }
        assertThat(recovered).isEqualTo(dataKey);
    }

    private static TreeBranch withEnc(TreeBranch entry, String enc) {
        TreeBranch copy = new TreeBranch();
        entry.forEach(item -> copy.add(item.key(), item.key().equals("enc") ? enc : item.value()));
        return copy;
    }

    @Test
    void theAllowlistRefusesOtherAddresses() {
        VaultTransitMasterKey key = VaultTransit.key(vault.address() + "/v1/transit/keys/app");

        assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                "SOPS_HC_VAULT_ALLOWLIST", "https://vault.example.com"))))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("SOPS_HC_VAULT_ALLOWLIST");
        assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                "SOPS_HC_VAULT_ALLOWLIST", "none"))))
                .hasMessageContaining("SOPS_HC_VAULT_ALLOWLIST");
        assertThat(key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                "SOPS_HC_VAULT_ALLOWLIST", "https://vault.example.com, " + vault.address()))).encryptedKey())
                .startsWith("vault:v1:");
        assertThat(vault.paths).hasSize(1);
    }

    @Test
    void vaultCacertIsTrustedForHttps() throws Exception {
        TestCertificate certificate = new TestCertificate();
        Path pem = Files.writeString(home.resolve("vault-ca.pem"), certificate.certificatePem());
        try (VaultStandIn https = new VaultStandIn(vault.token, certificate)) {
            VaultTransitMasterKey key = VaultTransit.key(https.address() + "/v1/transit/keys/app");

            MasterKey encrypted = key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_CACERT", pem.toString())));

            assertThat(encrypted.decrypt(environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_CACERT", pem.toString()))))
                    .isEqualTo(dataKey);
            assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_MAX_RETRIES", "0"))))
                    .isInstanceOf(DataKeyException.class)
                    .hasMessageContaining(key.id());
        }
    }

    @Test
    void vaultCapathTrustsTheCertificatesOfEveryFileBelowIt() throws Exception {
        TestCertificate certificate = new TestCertificate();
        Path cas = Files.createDirectories(home.resolve("cas/nested"));
        Files.writeString(cas.resolve("other.pem"), new TestCertificate().certificatePem());
        Files.writeString(cas.resolve("vault.pem"), certificate.certificatePem());
        try (VaultStandIn https = new VaultStandIn(vault.token, certificate)) {
            VaultTransitMasterKey key = VaultTransit.key(https.address() + "/v1/transit/keys/app");

            assertThat(key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_CAPATH", home.resolve("cas").toString()))).decrypt(environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_CAPATH", home.resolve("cas").toString())))).isEqualTo(dataKey);

            Files.writeString(cas.resolve("notes.txt"), "not a certificate");
            assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_CAPATH", home.resolve("cas").toString()))))
                    .isInstanceOf(DataKeyException.class)
                    .hasMessageContaining("VAULT_CAPATH")
                    .hasMessageContaining("notes.txt")
                    .hasMessageNotContaining("not a certificate");
            assertThat(https.paths).hasSize(2);
        }
    }

    @Test
    void vaultSkipVerifyAcceptsAnUntrustedServerAndTakesGoBooleans() throws Exception {
        try (VaultStandIn https = new VaultStandIn(vault.token, new TestCertificate())) {
            VaultTransitMasterKey key = VaultTransit.key(https.address() + "/v1/transit/keys/app");

            MasterKey encrypted = key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_SKIP_VERIFY", "true")));
            assertThat(encrypted.decrypt(environment(Map.of("VAULT_TOKEN", vault.token, "VAULT_SKIP_VERIFY", "1"))))
                    .isEqualTo(dataKey);

            assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_SKIP_VERIFY", "False", "VAULT_MAX_RETRIES", "0"))))
                    .isInstanceOf(DataKeyException.class);
            assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_SKIP_VERIFY", "yes"))))
                    .isInstanceOf(DataKeyException.class)
                    .hasMessageContaining("could not parse VAULT_SKIP_VERIFY");
            assertThat(https.paths).hasSize(2);
        }
    }

    @Test
    void vaultClientCertificateAndKeyAnswerAServerThatRequiresThem() throws Exception {
        TestCertificate server = new TestCertificate();
        TestCertificate client = new TestCertificate();
        Path ca = Files.writeString(home.resolve("vault-ca.pem"), server.certificatePem());
        Path clientCert = Files.writeString(home.resolve("client.pem"), client.certificatePem());
        Path pkcs8 = Files.writeString(home.resolve("client-pkcs8.key"), client.privateKeyPem(true));
        Path sec1 = Files.writeString(home.resolve("client-sec1.key"), client.privateKeyPem(false));
        assertThat(Files.readString(sec1)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        try (VaultStandIn https = new VaultStandIn(vault.token, server, client)) {
            VaultTransitMasterKey key = VaultTransit.key(https.address() + "/v1/transit/keys/app");

            MasterKey encrypted = key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_CACERT", ca.toString(), "VAULT_CLIENT_CERT", clientCert.toString(), "VAULT_CLIENT_KEY", pkcs8.toString())));
            assertThat(encrypted.decrypt(environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_CACERT", ca.toString(), "VAULT_CLIENT_CERT", clientCert.toString(), "VAULT_CLIENT_KEY", sec1.toString()))))
                    .isEqualTo(dataKey);

            assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_CACERT", ca.toString(), "VAULT_MAX_RETRIES", "0"))))
                    .isInstanceOf(DataKeyException.class);
            assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_CACERT", ca.toString(), "VAULT_CLIENT_CERT", clientCert.toString()))))
                    .isInstanceOf(DataKeyException.class)
                    .hasMessageContaining("VAULT_CLIENT_CERT and VAULT_CLIENT_KEY must be set together");
            assertThatThrownBy(() -> key.encrypt(dataKey, environment(Map.of("VAULT_TOKEN", vault.token,
                    "VAULT_CACERT", ca.toString(), "VAULT_CLIENT_CERT", clientCert.toString(),
                    "VAULT_CLIENT_KEY", clientCert.toString()))))
                    .isInstanceOf(DataKeyException.class)
                    .hasMessageContaining("VAULT_CLIENT_KEY");
            assertThat(https.paths).hasSize(2);
        }
    }

    @Test
    void keyUrisFollowUpstreamParsing() {
        VaultTransitMasterKey nested = VaultTransit.key("https://vault.example.com:8200/v1/team/sub/transit/keys/app");
        assertThat(nested.address()).isEqualTo("https://vault.example.com:8200");
        assertThat(nested.enginePath()).isEqualTo("team/sub/transit");
        assertThat(nested.keyName()).isEqualTo("app");
        assertThat(nested.id()).isEqualTo("https://vault.example.com:8200/v1/team/sub/transit/keys/app");

        assertThat(VaultTransit.key("http://127.0.0.1:8200/v1/transit/keys/k/").keyName()).isEqualTo("k");
        assertThat(VaultTransit.keys("https://a/v1/transit/keys/x,https://b/v1/sops/keys/y"))
                .extracting(VaultTransitMasterKey::id)
                .containsExactly("https://a/v1/transit/keys/x", "https://b/v1/sops/keys/y");
        assertThatThrownBy(() -> VaultTransit.key("vault.example.com/v1/transit/keys/app"))
                .hasMessageContaining("missing scheme");
        assertThatThrownBy(() -> VaultTransit.key("https://vault.example.com/v1/transit/app"))
                .hasMessageContaining("does not seem to be formatted correctly");
        assertThatThrownBy(() -> VaultTransit.key("https://vault.example.com/prefix/v1/transit/keys/app"))
                .hasMessageContaining("prefixed URL is not supported");
    }
}
