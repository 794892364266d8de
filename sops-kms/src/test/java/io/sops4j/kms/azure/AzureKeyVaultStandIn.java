package io.sops4j.kms.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.TestCertificate;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Azure Key Vault's keys REST API ({@code GET key}, {@code encrypt}, {@code decrypt}) over HTTPS on
 * loopback, with the bearer challenge of Key Vault and real RSA-OAEP-256 per key version.
 */
public final class AzureKeyVaultStandIn implements AutoCloseable {

    public static final String TOKEN = "azure-test-token";
    static final String TENANT = "00000000-1111-2222-3333-444444444444";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("^/keys/([^/]+)(?:/([^/]*))?(?:/(encrypt|decrypt))?/?$");

    public final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger throttleNext = new AtomicInteger();

    /** key name → versions, the last one current. */
    private final Map<String, Map<String, KeyPair>> keys = new LinkedHashMap<>();
    private final TestCertificate certificate;
    private final HttpsServer server;

    public AzureKeyVaultStandIn(TestCertificate certificate, Map<String, List<String>> keyVersions) throws Exception {
        this.certificate = certificate;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyVersions.forEach((name, versions) -> {
            Map<String, KeyPair> pairs = new LinkedHashMap<>();
            versions.forEach(version -> pairs.put(version, generator.generateKeyPair()));
            keys.put(name, pairs);
        });
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Key Vault checks that a challenge's resource is a parent domain of the vault, so the vault has a name under it. */
    public static final String HOST = "sops.vault.localhost";

    public String vaultUrl() {
        return "https://" + HOST + ":" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * The {@code azure_kv} key source with every key it reads reaching this stand-in through the
     * Azure SDK: its host name resolved to loopback, its certificate trusted, a fixed token.
     */
    public KeySource keySource() throws Exception {
        Function<KeyEnvironment, AzureKeyVaultOperations> connector = connector();
        AzureKeyVaultKeySource installed = new AzureKeyVaultKeySource();
        return new KeySource() {
            @Override
            public String type() {
                return installed.type();
            }

            @Override
            public MasterKey fromMetadata(TreeBranch entry) {
                return ((AzureKeyVaultMasterKey) installed.fromMetadata(entry)).withConnector(connector);
            }

            @Override
            public MasterKey fromIdentifier(String identifier) {
                return ((AzureKeyVaultMasterKey) installed.fromIdentifier(identifier)).withConnector(connector);
            }
        };
    }

    private Function<KeyEnvironment, AzureKeyVaultOperations> connector() throws Exception {
        SslContext trusting = SslContextBuilder.forClient().trustManager(certificate.certificate()).build();
        HttpClient client = new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                .resolver(new LoopbackResolver())
                .secure(spec -> spec.sslContext(trusting))).build();
        TokenCredential credential = request -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        return environment -> new AzureKeyVaultCalls(AzureKeyVaultCalls.configuration(environment), credential, client);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String path = exchange.getRequestURI().getPath();
            if (!("Bearer " + TOKEN).equals(authorization)) {
                calls.add("challenge " + exchange.getRequestMethod() + " " + path);
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/"
                        + TENANT + "\", resource=\"https://vault.localhost\"");
                reply(exchange, 401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"AKV10000: Request is missing a Bearer or PoP token.\"}}");
                return;
            }
            calls.add(exchange.getRequestMethod() + " " + path);
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 429, "{\"error\":{\"code\":\"Throttled\",\"message\":\"Request was not processed because too many requests were received.\"}}");
                return;
            }
            Matcher matcher = PATH.matcher(path);
            Map<String, KeyPair> versions = matcher.matches() ? keys.get(matcher.group(1)) : null;
            if (versions == null) {
                notFound(exchange, path);
                return;
            }
            String version = matcher.group(2) == null || matcher.group(2).isEmpty()
                    ? List.copyOf(versions.keySet()).get(versions.size() - 1) : matcher.group(2);
            KeyPair pair = versions.get(version);
            if (pair == null) {
                notFound(exchange, path);
                return;
            }
            String kid = vaultUrl() + "/keys/" + matcher.group(1) + "/" + version;
            String operation = matcher.group(3);
            if (operation == null && exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 200, keyBundle(kid, (RSAPublicKey) pair.getPublic()).toString());
                return;
            }
            JsonNode request = JSON.readTree(body);
            if (!"RSA-OAEP-256".equals(request.path("alg").asText())) {
                badRequest(exchange, "unsupported algorithm");
                return;
            }
            try {
                Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
                OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
                if ("encrypt".equals(operation)) {
                    rsa.init(Cipher.ENCRYPT_MODE, pair.getPublic(), oaep);
                } else {
                    rsa.init(Cipher.DECRYPT_MODE, pair.getPrivate(), oaep);
                }
                byte[] result = rsa.doFinal(Base64.getUrlDecoder().decode(request.path("value").asText()));
                reply(exchange, 200, JSON.createObjectNode().put("kid", kid)
                        .put("value", Base64.getUrlEncoder().withoutPadding().encodeToString(result)).toString());
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                badRequest(exchange, "The parameter is incorrect.");
            }
        }
    }

    private static ObjectNode keyBundle(String kid, RSAPublicKey key) {
        ObjectNode bundle = JSON.createObjectNode();
        ObjectNode jwk = bundle.putObject("key").put("kid", kid).put("kty", "RSA")
                .put("n", unsigned(key.getModulus())).put("e", unsigned(key.getPublicExponent()));
        jwk.putArray("key_ops").add("encrypt").add("decrypt").add("wrapKey").add("unwrapKey");
        bundle.putObject("attributes").put("enabled", true).put("created", 1767225600).put("updated", 1767225600)
                .put("recoveryLevel", "Recoverable+Purgeable");
        return bundle;
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void notFound(HttpExchange exchange, String path) throws IOException {
        reply(exchange, 404, "{\"error\":{\"code\":\"KeyNotFound\",\"message\":\"A key with (name/id) " + path + " was not found in this key vault.\"}}");
    }

    private static void badRequest(HttpExchange exchange, String message) throws IOException {
        reply(exchange, 400, "{\"error\":{\"code\":\"BadParameter\",\"message\":\"" + message + "\"}}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
