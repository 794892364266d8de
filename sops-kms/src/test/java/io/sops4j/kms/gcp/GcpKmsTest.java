package io.sops4j.kms.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.MetadataShape;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpKmsTest {

    static final String KEY = "projects/p/locations/global/keyRings/ring/cryptoKeys/sops";
    static final String OTHER_KEY = "projects/p/locations/europe-west1/keyRings/ring/cryptoKeys/other";
    static final String UNKNOWN_KEY = "projects/p/locations/global/keyRings/ring/cryptoKeys/missing";
    static final String CLIENT_EMAIL = "sops@p.iam.gserviceaccount.com";

    @TempDir
    Path home;

    private GcpKmsStandIn kms;
    private final byte[] dataKey = new byte[32];

    @BeforeEach
    void start() throws IOException {
        kms = new GcpKmsStandIn(Set.of(KEY, OTHER_KEY), token -> token.equals("ya29.test-token") || token.equals(SA_TOKEN));
        new SecureRandom().nextBytes(dataKey);
    }

    @AfterEach
    void stop() {
        kms.close();
        if (tokenServer != null) {
            tokenServer.stop(0);
        }
    }

    static final String SA_TOKEN = "ya29.service-account-token";
    private HttpServer tokenServer;
    private final List<String> assertionIssuers = new CopyOnWriteArrayList<>();

    /** Google's OAuth token endpoint: exchanges a service account's signed JWT assertion for a token. */
    private String startTokenServer(PublicKey serviceAccountKey) throws IOException {
        tokenServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenServer.createContext("/token", exchange -> {
            try (exchange) {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String assertion = URLDecoder.decode(form.replaceAll(".*assertion=([^&]*).*", "$1"), StandardCharsets.UTF_8);
                String[] jwt = assertion.split("\\.");
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initVerify(serviceAccountKey);
                rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
                boolean valid = rsa.verify(Base64.getUrlDecoder().decode(jwt[2]));
                String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
                assertionIssuers.add(new ObjectMapper().readTree(claims).path("iss").asText());
                byte[] body = (valid ? "{\"access_token\":\"" + SA_TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"
                        : "{\"error\":\"invalid_grant\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(valid ? 200 : 400, body.length);
                exchange.getResponseBody().write(body);
            } catch (GeneralSecurityException e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        tokenServer.start();
        return "http://127.0.0.1:" + tokenServer.getAddress().getPort() + "/token";
    }

    private KeyEnvironment accessToken() {
        return KeyEnvironment.of(Map.of("GOOGLE_OAUTH_ACCESS_TOKEN", "ya29.test-token"), home);
    }

    private GcpKmsMasterKey local(GcpKmsMasterKey key) {
        return key.withConnector(kms.connector());
    }

    @Test
    void encryptsAndDecryptsOverGrpcWithTheAccessToken() {
        MasterKey encrypted = local(GcpKms.key(KEY)).encrypt(dataKey, accessToken());

        assertThat(encrypted.encryptedKey()).isBase64();
        assertThat(encrypted.decrypt(accessToken())).isEqualTo(dataKey);
        assertThat(kms.calls).containsExactly("Encrypt", "Decrypt");
        assertThat(kms.bearerTokens).containsOnly("ya29.test-token");
    }

    @Test
    void serviceAccountJsonInGoogleCredentialsOrAFileItNamesAuthenticates() throws Exception {
        String json = serviceAccountJson();
        Path file = Files.writeString(home.resolve("sa.json"), json);

        MasterKey encrypted = local(GcpKms.key(KEY)).encrypt(dataKey, KeyEnvironment.of(Map.of("GOOGLE_CREDENTIALS", json), home));
        GcpKmsMasterKey stored = local((GcpKmsMasterKey) new GcpKmsKeySource().fromMetadata(encrypted.toMetadata()));

        assertThat(stored.decrypt(KeyEnvironment.of(Map.of("GOOGLE_CREDENTIALS", file.toString()), home))).isEqualTo(dataKey);
        assertThat(stored.decrypt(KeyEnvironment.of(Map.of("SOPS_GOOGLE_CREDENTIALS", file.toString(),
                "GOOGLE_OAUTH_ACCESS_TOKEN", "ya29.ignored"), home))).isEqualTo(dataKey);
        assertThat(kms.bearerTokens).containsExactly(SA_TOKEN, SA_TOKEN, SA_TOKEN);
        assertThat(assertionIssuers).hasSize(3).containsOnly(CLIENT_EMAIL);
    }

    @Test
    void aRejectedTokenFailsNamingTheKeyAndTheCause() {
        GcpKmsMasterKey key = local(GcpKms.key(KEY));

        assertThatThrownBy(() -> key.encrypt(dataKey, KeyEnvironment.of(Map.of("GOOGLE_OAUTH_ACCESS_TOKEN", "ya29.wrong"), home)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("GCP KMS key " + KEY)
                .hasMessageContaining("UNAUTHENTICATED")
                .hasMessageNotContaining("ya29.wrong");
    }

    @Test
    void throttlingAndUnavailabilityAreRetriedThenSucceed() {
        kms.throttleNext.set(1);
        kms.unavailableNext.set(1);

        MasterKey encrypted = local(GcpKms.key(KEY)).encrypt(dataKey, accessToken());

        assertThat(encrypted.decrypt(accessToken())).isEqualTo(dataKey);
        assertThat(kms.calls).hasSize(4);
    }

    @Test
    void retriesAreBounded() {
        kms.throttleNext.set(100);

        assertThatThrownBy(() -> local(GcpKms.key(KEY)).encrypt(dataKey, accessToken()))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("RESOURCE_EXHAUSTED");
        assertThat(kms.calls).hasSize(GcpKmsCalls.RETRIES.getMaxAttempts());
    }

    @Test
    void anotherKeysCiphertextDoesNotDecrypt() {
        MasterKey encrypted = local(GcpKms.key(KEY)).encrypt(dataKey, accessToken());
        TreeBranch entry = local(GcpKms.key(OTHER_KEY)).toMetadata();
        entry.items().replaceAll(item -> item.key().equals("enc") ? new TreeItem("enc", encrypted.encryptedKey()) : item);

        assertThatThrownBy(() -> local((GcpKmsMasterKey) new GcpKmsKeySource().fromMetadata(entry)).decrypt(accessToken()))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining(OTHER_KEY)
                .hasMessageContaining("INVALID_ARGUMENT");
    }

    @Test
    void whenTheFirstKeyFailsTheNextKeyDecrypts() {
        MasterKey good = local(GcpKms.key(OTHER_KEY)).encrypt(dataKey, accessToken());
        TreeBranch missing = GcpKms.key(UNKNOWN_KEY).toMetadata();
        missing.items().replaceAll(item -> item.key().equals("enc") ? new TreeItem("enc", good.encryptedKey()) : item);
        List<MasterKey> group = List.of(local((GcpKmsMasterKey) new GcpKmsKeySource().fromMetadata(missing)),
                local((GcpKmsMasterKey) new GcpKmsKeySource().fromMetadata(good.toMetadata())));

        byte[] recovered = null;
        for (MasterKey key : group) {
            try {
                recovered = key.decrypt(accessToken());
                break;
            } catch (DataKeyException e) {
                assertThat(e).hasMessageContaining(UNKNOWN_KEY);
            }
        }
        assertThat(recovered).isEqualTo(dataKey);
    }

    @Test
    void anInvalidResourceIdFailsBeforeAnyCall() {
        assertThatThrownBy(() -> local(GcpKms.key("projects/p/keyRings/r")).encrypt(dataKey, accessToken()))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("no valid resource ID found");
        assertThat(kms.calls).isEmpty();
    }

    @Test
    void metadataFieldsAreInGoOrderLikeTheUpstreamKmsEntry() {
        TreeBranch upstream = MetadataShape.upstreamKmsEntry();
        MasterKey encrypted = local(GcpKms.key(" " + KEY)).encrypt(dataKey, accessToken());
        TreeBranch entry = encrypted.toMetadata();

        assertThat(MetadataShape.keys(entry)).containsExactly("created_at", "enc", "resource_id").isSorted();
        assertThat(MetadataShape.keys(upstream)).isSorted();
        assertThat(entry.get("created_at").orElseThrow().toString()).hasSameSizeAs(upstream.get("created_at").orElseThrow().toString());
        assertThat(entry.get("resource_id")).contains(KEY);
        assertThat(encrypted.id()).isEqualTo(KEY);
        MasterKey loaded = KeySources.installed().find("gcp_kms").orElseThrow().fromMetadata(entry);
        assertThat(loaded.toMetadata()).isEqualTo(entry);
        assertThat(GcpKms.keys(KEY + "," + OTHER_KEY)).extracting(GcpKmsMasterKey::id).containsExactly(KEY, OTHER_KEY);
    }

    private String serviceAccountJson() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String tokenUri = startTokenServer(pair.getPublic());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("type", "service_account")
                .put("project_id", "p")
                .put("private_key_id", "0123456789abcdef")
                .put("private_key", pem)
                .put("client_email", CLIENT_EMAIL)
                .put("client_id", "1234567890")
                .put("token_uri", tokenUri)
                .toString();
    }
}
