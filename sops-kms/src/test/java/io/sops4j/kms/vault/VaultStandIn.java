package io.sops4j.kms.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.sops4j.kms.StandInCipher;
import io.sops4j.kms.TestCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** Vault's transit encrypt/decrypt API on loopback, with real AES-GCM per key. */
public final class VaultStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("^/v1/(.+)/(encrypt|decrypt)/([^/]+)$");

    public final String token;
    final List<String> namespaces = new CopyOnWriteArrayList<>();
    public final List<String> paths = new CopyOnWriteArrayList<>();
    final AtomicInteger throttleNext = new AtomicInteger();
    final AtomicInteger failNextWith503 = new AtomicInteger();
    volatile long delayMillis;

    private final StandInCipher cipher = new StandInCipher();
    private final HttpServer server;

    public VaultStandIn(String token) throws IOException {
        this(token, null);
    }

    /** Serves HTTPS with {@code certificate} when given. */
    VaultStandIn(String token, TestCertificate certificate) throws IOException {
        this(token, certificate, null);
    }

    /** Serves HTTPS with {@code certificate}, and when {@code client} is given accepts only clients presenting it. */
    VaultStandIn(String token, TestCertificate certificate, TestCertificate client) throws IOException {
        this.token = token;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (certificate == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            try {
                https.setHttpsConfigurator(client == null
                        ? new HttpsConfigurator(certificate.serverContext())
                        : requiringClient(certificate, client));
            } catch (Exception e) {
                throw new IOException(e);
            }
            server = https;
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    private static HttpsConfigurator requiringClient(TestCertificate certificate, TestCertificate client) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(certificate.keyManagers(), client.trustManagers(), null);
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        };
    }

    public String address() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (delayMillis > 0) {
                sleep(delayMillis);
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 429, "{\"errors\":[\"rate limit quota exceeded\"]}");
                return;
            }
            if (failNextWith503.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 503, "{\"errors\":[\"Vault is sealed\"]}");
                return;
            }
            if (!token.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
                reply(exchange, 403, "{\"errors\":[\"permission denied\"]}");
                return;
            }
            String namespace = exchange.getRequestHeaders().getFirst("X-Vault-Namespace");
            if (namespace != null) {
                namespaces.add(namespace);
            }
            Matcher matcher = PATH.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches() || !exchange.getRequestMethod().equals("PUT")) {
                reply(exchange, 404, "{\"errors\":[]}");
                return;
            }
            String key = matcher.group(1) + "/" + matcher.group(3);
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (matcher.group(2).equals("encrypt")) {
                byte[] plaintext = Base64.getDecoder().decode(body.path("plaintext").asText());
                String ciphertext = "vault:v1:" + Base64.getEncoder().encodeToString(cipher.seal(key, "", plaintext));
                reply(exchange, 200, JSON.createObjectNode().set("data",
                        JSON.createObjectNode().put("ciphertext", ciphertext)).toString());
            } else {
                String ciphertext = body.path("ciphertext").asText();
                try {
                    byte[] blob = Base64.getDecoder().decode(ciphertext.substring("vault:v1:".length()));
                    byte[] plaintext = cipher.open(key, "", blob);
                    reply(exchange, 200, JSON.createObjectNode().set("data",
                            JSON.createObjectNode().put("plaintext", Base64.getEncoder().encodeToString(plaintext))).toString());
                } catch (GeneralSecurityException | RuntimeException e) {
                    reply(exchange, 400, "{\"errors\":[\"invalid ciphertext: unable to decrypt\"]}");
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
