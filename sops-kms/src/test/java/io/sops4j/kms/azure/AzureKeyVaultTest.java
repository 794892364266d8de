package io.sops4j.kms.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.MetadataShape;
import io.sops4j.kms.TestCertificate;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

class AzureKeyVaultTest {

    private static TestCertificate certificate;
    private static SslContext trustingSsl;
    private HttpClient trustingClient;

    @TempDir
    Path home;

    private AzureKeyVaultStandIn vault;
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final byte[] dataKey = new byte[32];

    @BeforeAll
    static void trustTheTestCertificate() throws Exception {
        certificate = new TestCertificate(AzureKeyVaultStandIn.HOST);
        trustingSsl = SslContextBuilder.forClient().trustManager(certificate.certificate()).build();
    }

    @BeforeEach
    void start() throws Exception {
        vault = new AzureKeyVaultStandIn(certificate, Map.of("sops", List.of("1111aaaa", "2222bbbb"), "other", List.of("3333cccc")));
        new SecureRandom().nextBytes(dataKey);
        trustingClient = new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                .resolver(new LoopbackResolver())
                .secure(spec -> spec.sslContext(trustingSsl))).build();
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private final TokenCredential credential = request -> {
        tokenRequests.add(String.join(" ", request.getScopes()) + " tenant=" + request.getTenantId());
        return Mono.just(new AccessToken(AzureKeyVaultStandIn.TOKEN, OffsetDateTime.now().plusHours(1)));
    };

    private AzureKeyVaultMasterKey local(MasterKey key) {
        return ((AzureKeyVaultMasterKey) key).withConnector(
                environment -> new AzureKeyVaultCalls(AzureKeyVaultCalls.configuration(environment), credential, trustingClient));
    }

    private KeyEnvironment environment() {
        return KeyEnvironment.of(Map.of(), home);
    }

    @Test
    void wrapsWithRsaOaep256AfterTheBearerChallenge() {
        MasterKey encrypted = local(AzureKeyVault.key(vault.vaultUrl() + "/keys/sops/2222bbbb")).encrypt(dataKey, environment());

        assertThat(encrypted.encryptedKey()).matches("[A-Za-z0-9_-]{342}");
        assertThat(local(encrypted).decrypt(environment())).isEqualTo(dataKey);
        assertThat(vault.calls).contains("POST /keys/sops/2222bbbb/encrypt", "POST /keys/sops/2222bbbb/decrypt");
        assertThat(vault.calls.get(0)).startsWith("challenge ");
        assertThat(tokenRequests).isNotEmpty().allMatch(r -> r.equals("https://vault.localhost/.default tenant=" + AzureKeyVaultStandIn.TENANT));
    }

    @Test
    void aKeyWithoutVersionTakesTheCurrentVersionAndStoresIt() {
        MasterKey encrypted = local(AzureKeyVault.key(vault.vaultUrl() + "/keys/sops")).encrypt(dataKey, environment());

        assertThat(((AzureKeyVaultMasterKey) encrypted).version()).isEqualTo("2222bbbb");
        assertThat(encrypted.toMetadata().get("version")).contains("2222bbbb");
        assertThat(encrypted.id()).isEqualTo(vault.vaultUrl() + "/keys/sops/2222bbbb");
        assertThat(vault.calls).contains("GET /keys/sops/", "POST /keys/sops/2222bbbb/encrypt");
        MasterKey stored = local(KeySources.installed().find("azure_kv").orElseThrow().fromMetadata(encrypted.toMetadata()));
        assertThat(stored.decrypt(environment())).isEqualTo(dataKey);
    }

    @Test
    void anOlderVersionsCiphertextNeedsThatVersion() {
        MasterKey encrypted = local(AzureKeyVault.key(vault.vaultUrl() + "/keys/sops/1111aaaa")).encrypt(dataKey, environment());
        TreeBranch entry = encrypted.toMetadata();
        entry.items().replaceAll(item -> item.key().equals("version") ? new TreeItem("version", "2222bbbb") : item);

        assertThat(local(encrypted).decrypt(environment())).isEqualTo(dataKey);
        assertThatThrownBy(() -> local(new AzureKeyVaultKeySource().fromMetadata(entry)).decrypt(environment()))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("/keys/sops/2222bbbb")
                .hasMessageContaining("The parameter is incorrect");
    }

    @Test
    void throttlingIsRetriedThenSucceeds() {
        vault.throttleNext.set(2);

        MasterKey encrypted = local(AzureKeyVault.key(vault.vaultUrl() + "/keys/other/3333cccc")).encrypt(dataKey, environment());

        assertThat(local(encrypted).decrypt(environment())).isEqualTo(dataKey);
        assertThat(vault.calls.stream().filter(call -> call.equals("POST /keys/other/3333cccc/encrypt"))).hasSize(3);
    }

    @Test
    void whenTheFirstKeyFailsTheNextKeyDecrypts() {
        MasterKey good = local(AzureKeyVault.key(vault.vaultUrl() + "/keys/other/3333cccc")).encrypt(dataKey, environment());
        TreeBranch missing = AzureKeyVault.key(vault.vaultUrl() + "/keys/missing/0000").toMetadata();
        missing.items().replaceAll(item -> item.key().equals("enc") ? new TreeItem("enc", good.encryptedKey()) : item);
        List<MasterKey> group = List.of(local(new AzureKeyVaultKeySource().fromMetadata(missing)),
                local(new AzureKeyVaultKeySource().fromMetadata(good.toMetadata())));

        byte[] recovered = null;
        for (MasterKey key : group) {
            try {
                recovered = key.decrypt(environment());
                break;
            } catch (DataKeyException e) {
                assertThat(e).hasMessageContaining("Azure Key Vault key " + vault.vaultUrl() + "/keys/missing/0000")
                        .hasMessageContaining("KeyNotFound");
            }
        }
        assertThat(recovered).isEqualTo(dataKey);
    }

    @Test
    void metadataFieldsAreInGoOrderLikeTheUpstreamKmsEntry() {
        TreeBranch upstream = MetadataShape.upstreamKmsEntry();
        TreeBranch entry = local(AzureKeyVault.key(vault.vaultUrl() + "/keys/sops/2222bbbb")).encrypt(dataKey, environment()).toMetadata();

        assertThat(MetadataShape.keys(entry)).containsExactly("created_at", "enc", "name", "vault_url", "version").isSorted();
        assertThat(MetadataShape.keys(upstream)).isSorted();
        assertThat(entry.get("created_at").orElseThrow().toString()).hasSameSizeAs(upstream.get("created_at").orElseThrow().toString());
        assertThat(entry.get("vault_url")).contains(vault.vaultUrl());
        assertThat(entry.get("name")).contains("sops");
        assertThat(new AzureKeyVaultKeySource().fromMetadata(entry).toMetadata()).isEqualTo(entry);
    }

    @Test
    void azureIdentitySettingsComeFromTheKeyEnvironment() {
        KeyEnvironment environment = KeyEnvironment.of(Map.of("AZURE_CLIENT_ID", "client-from-key-environment",
                "AZURE_TENANT_ID", AzureKeyVaultStandIn.TENANT), home);

        com.azure.core.util.Configuration configuration = AzureKeyVaultCalls.configuration(environment);

        assertThat(configuration.get("AZURE_CLIENT_ID")).isEqualTo("client-from-key-environment");
        assertThat(configuration.get("AZURE_TENANT_ID")).isEqualTo(AzureKeyVaultStandIn.TENANT);
    }

    @Test
    void keyUrlsFollowUpstreamSyntax() {
        assertThat(AzureKeyVault.key(" https://v.vault.azure.net/keys/k/abc ").id()).isEqualTo("https://v.vault.azure.net/keys/k/abc");
        assertThat(AzureKeyVault.key("https://v.vault.azure.net/keys/k/").version()).isEmpty();
        assertThat(AzureKeyVault.key("https://v.vault.azure.net/keys/k").id()).isEqualTo("https://v.vault.azure.net/keys/k/");
        assertThat(AzureKeyVault.keys("https://a.vault.azure.net/keys/x/1,https://b.vault.azure.net/keys/y/2"))
                .extracting(AzureKeyVaultMasterKey::name).containsExactly("x", "y");
        assertThatThrownBy(() -> AzureKeyVault.key("http://v.vault.azure.net/keys/k/abc"))
                .hasMessageContaining("could not parse");
        assertThatThrownBy(() -> AzureKeyVault.key("https://v.vault.azure.net/secrets/k/abc"))
                .hasMessageContaining("could not parse");
    }
}
