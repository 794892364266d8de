package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sops4j.kms.TestCertificate;
import io.sops4j.kms.azure.AzureKeyVaultStandIn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sops encrypt --azure-kv} and {@code sops decrypt} as processes, authenticated by an
 * unmodified {@code DefaultAzureCredential} through App Service managed identity
 * ({@code IDENTITY_ENDPOINT}, {@code IDENTITY_HEADER}); the vault's name resolves to loopback
 * through a hosts file and its certificate is trusted through {@code JAVA_TOOL_OPTIONS}.
 */
class AzureKeyVaultEndToEndTest {

    private static final String IDENTITY_HEADER = "identity-header-secret";
    private static final String PLAIN = """
            database:
                user: admin
                password: s3cr3t-Pa55w0rd
            port: 5432
            """;

    @TempDir
    Path dir;

    private AzureKeyVaultStandIn vault;
    private TokenEndpoint identity;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        TestCertificate certificate = new TestCertificate(AzureKeyVaultStandIn.HOST);
        vault = new AzureKeyVaultStandIn(certificate, Map.of("sops", List.of("1111aaaa", "2222bbbb")));
        identity = new TokenEndpoint();
        Path trustStore = dir.resolve("trust.p12");
        certificate.writeTrustStore(trustStore, "changeit".toCharArray());
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost " + AzureKeyVaultStandIn.HOST + "\n");
        cli = new Cli(dir).env("SOPS_AGE_KEY", null)
                .env("IDENTITY_ENDPOINT", identity.url())
                .env("IDENTITY_HEADER", IDENTITY_HEADER)
                .env("JAVA_TOOL_OPTIONS", "-Djdk.net.hosts.file=" + hosts
                        + " -Djavax.net.ssl.trustStore=" + trustStore
                        + " -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12");
        cli.write("secrets.yaml", PLAIN);
    }

    @AfterEach
    void stop() {
        vault.close();
        identity.close();
    }

    private String keyUrl() {
        return vault.vaultUrl() + "/keys/sops/2222bbbb";
    }

    private List<String> operations() {
        return vault.calls.stream().filter(call -> !call.startsWith("challenge ")).toList();
    }

    @Test
    void defaultAzureCredentialThroughManagedIdentityWrapsAndUnwraps() {
        Cli.Result encrypted = cli.run("encrypt", "--azure-kv", keyUrl(), "secrets.yaml");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        assertThat(encrypted.out()).doesNotContain("s3cr3t-Pa55w0rd").containsPattern(String.join("\n",
                "    azure_kv:",
                "        - created_at: \"[^\"]+\"",
                "          enc: [A-Za-z0-9_-]{342}",
                "          name: sops",
                "          vault_url: " + vault.vaultUrl().replace(".", "\\."),
                "          version: 2222bbbb",
                ""));
        assertThat(operations()).containsExactly("POST /keys/sops/2222bbbb/encrypt");
        cli.write("secrets.enc.yaml", encrypted.out());

        assertThat(cli.decrypt("secrets.enc.yaml")).isEqualTo(PLAIN);
        assertThat(operations()).containsExactly("POST /keys/sops/2222bbbb/encrypt", "POST /keys/sops/2222bbbb/decrypt");
        assertThat(identity.requests).isNotEmpty()
                .allMatch(request -> request.equals("api-version=2019-08-01 resource=https://vault.localhost"));
    }

    @Test
    void aRefusedIdentityHeaderFailsNamingTheKeyWithoutSecrets() {
        Cli.Result encrypted = cli.run("encrypt", "--azure-kv", keyUrl(), "secrets.yaml");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        cli.write("secrets.enc.yaml", encrypted.out());
        int tokensForEncrypt = identity.requests.size();
        cli.env("IDENTITY_HEADER", "stale-identity-header");

        Cli.Result refused = cli.run("decrypt", "secrets.enc.yaml");

        assertThat(refused.exit()).isEqualTo(128);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains(keyUrl(), "ManagedIdentityCredential authentication failed")
                .doesNotContain("stale-identity-header", IDENTITY_HEADER, AzureKeyVaultStandIn.TOKEN, "s3cr3t-Pa55w0rd");
        assertThat(operations()).containsExactly("POST /keys/sops/2222bbbb/encrypt");
        assertThat(identity.requests).hasSizeGreaterThan(tokensForEncrypt);
    }

    /** App Service's managed identity endpoint: a token for the requested resource when the identity header matches. */
    private static final class TokenEndpoint implements AutoCloseable {

        final List<String> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        TokenEndpoint() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/token", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                requests.add("api-version=" + query.get("api-version") + " resource=" + query.get("resource"));
                if (!IDENTITY_HEADER.equals(exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"))) {
                    reply(exchange, 401, "{\"statusCode\":401,\"message\":\"The identity header is not valid.\"}");
                    return;
                }
                reply(exchange, 200, """
                        {"access_token":"%s","expires_on":"%d","resource":"%s","token_type":"Bearer","client_id":"%s"}"""
                        .formatted(AzureKeyVaultStandIn.TOKEN, Instant.now().plusSeconds(3600).getEpochSecond(),
                                query.get("resource"), "11111111-2222-3333-4444-555555555555"));
            }
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> parameters = new java.util.TreeMap<>();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return parameters;
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
