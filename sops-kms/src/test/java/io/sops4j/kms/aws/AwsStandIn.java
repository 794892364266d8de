package io.sops4j.kms.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sops4j.kms.StandInCipher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS KMS ({@code TrentService.Encrypt/Decrypt}, JSON 1.1) and STS {@code AssumeRole} (query
 * protocol, XML) on loopback. Requests are recognised by the SigV4 access key they are signed with.
 */
public final class AwsStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/");

    static final String ASSUMED_ACCESS_KEY = "ASIASTANDINASSUMED";

    /** One entry per request: {@code ACTION accessKey region}. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> assumeRoleRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger throttleNext = new AtomicInteger();

    private final Set<String> knownKeys;
    private final Set<String> acceptedAccessKeys;
    private final StandInCipher cipher = new StandInCipher();
    private final HttpServer server;

    public AwsStandIn(Set<String> knownKeys, Set<String> acceptedAccessKeys) throws IOException {
        this.knownKeys = knownKeys;
        this.acceptedAccessKeys = acceptedAccessKeys;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            Matcher credential = CREDENTIAL.matcher(authorization);
            String accessKey = "";
            String region = "";
            if (credential.find()) {
                accessKey = credential.group(1);
                region = credential.group(2);
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String action = target != null ? target : "STS." + form(body).getOrDefault("Action", "");
            calls.add(action + " " + accessKey + " " + region);
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                jsonError(exchange, "ThrottlingException", "Rate exceeded");
                return;
            }
            if (!acceptedAccessKeys.contains(accessKey) && !accessKey.equals(ASSUMED_ACCESS_KEY)) {
                jsonError(exchange, "UnrecognizedClientException", "The security token included in the request is invalid.");
                return;
            }
            switch (action) {
                case "TrentService.Encrypt" -> encrypt(exchange, JSON.readTree(body));
                case "TrentService.Decrypt" -> decrypt(exchange, JSON.readTree(body));
                case "STS.AssumeRole" -> assumeRole(exchange, form(body));
                default -> jsonError(exchange, "UnknownOperationException", action);
            }
        }
    }

    private void encrypt(HttpExchange exchange, JsonNode request) throws IOException {
        String keyId = request.path("KeyId").asText();
        if (!knownKeys.contains(keyId)) {
            jsonError(exchange, "NotFoundException", "Key '" + keyId + "' does not exist");
            return;
        }
        byte[] plaintext = Base64.getDecoder().decode(request.path("Plaintext").asText());
        byte[] blob = cipher.seal(keyId, context(request), plaintext);
        ObjectNode response = JSON.createObjectNode()
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(blob))
                .put("KeyId", keyId)
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        reply(exchange, 200, "application/x-amz-json-1.1", response.toString());
    }

    private void decrypt(HttpExchange exchange, JsonNode request) throws IOException {
        String keyId = request.path("KeyId").asText();
        try {
            byte[] blob = Base64.getDecoder().decode(request.path("CiphertextBlob").asText());
            byte[] plaintext = cipher.open(keyId, context(request), blob);
            ObjectNode response = JSON.createObjectNode()
                    .put("Plaintext", Base64.getEncoder().encodeToString(plaintext))
                    .put("KeyId", keyId)
                    .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
            reply(exchange, 200, "application/x-amz-json-1.1", response.toString());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            jsonError(exchange, "InvalidCiphertextException", "");
        }
    }

    private static String context(JsonNode request) {
        Map<String, String> sorted = new TreeMap<>();
        request.path("EncryptionContext").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.toString();
    }

    private void assumeRole(HttpExchange exchange, Map<String, String> request) throws IOException {
        assumeRoleRequests.add(request);
        String xml = """
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <Credentials>
                      <AccessKeyId>%s</AccessKeyId>
                      <SecretAccessKey>assumed-secret</SecretAccessKey>
                      <SessionToken>assumed-session-token</SessionToken>
                      <Expiration>2099-01-01T00:00:00Z</Expiration>
                    </Credentials>
                    <AssumedRoleUser>
                      <AssumedRoleId>AROASTANDIN:%s</AssumedRoleId>
                      <Arn>%s</Arn>
                    </AssumedRoleUser>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(ASSUMED_ACCESS_KEY, request.get("RoleSessionName"), request.get("RoleArn"));
        reply(exchange, 200, "text/xml", xml);
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("{")) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void jsonError(HttpExchange exchange, String type, String message) throws IOException {
        reply(exchange, 400, "application/x-amz-json-1.1",
                JSON.createObjectNode().put("__type", type).put("message", message).toString());
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
