package io.sops4j.kms.hckms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sops4j.kms.StandInCipher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HuaweiCloud's IAM project listing and KMS {@code encrypt-data}/{@code decrypt-data} on loopback.
 * Every request's {@code SDK-HMAC-SHA256} signature is recomputed here from the request as
 * received (method, path, query, the headers it names, the body) with the secret key of its access
 * key, written from the API Gateway's description rather than shared with the client; a request
 * whose signature, date or signed headers do not hold is refused as the gateway does (HTTP 401,
 * {@code APIGW.0301}). Wrapping is real AES-GCM per key UUID.
 */
public final class HuaweiCloudKmsStandIn implements AutoCloseable {

    public static final String PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KMS_PATH = Pattern.compile("^/v1\\.0/([^/]+)/kms/(encrypt-data|decrypt-data)$");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Map<String, String> secretKeys;
    private final Set<String> keyUuids;
    private final String region;
    private final StandInCipher cipher = new StandInCipher();
    private final HttpServer server;

    /** Each call that passed authentication: method, path, the access key and the signed headers. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The security tokens the accepted calls carried. */
    public final List<String> securityTokens = new CopyOnWriteArrayList<>();

    public HuaweiCloudKmsStandIn(String region, Set<String> keyUuids, Map<String, String> secretKeys) throws IOException {
        this.region = region;
        this.keyUuids = keyUuids;
        this.secretKeys = secretKeys;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The variable pointing the client's KMS calls for the stand-in's region here. */
    public String endpointVariable() {
        return "HUAWEICLOUD_SDK_REGION_KMS_" + region.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String failure = authenticate(exchange, body);
            if (failure != null) {
                reply(exchange, 401, JSON.createObjectNode().put("error_code", "APIGW.0301")
                        .put("error_msg", "Incorrect IAM authentication information: " + failure)
                        .put("request_id", "standin-request").toString());
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String token = exchange.getRequestHeaders().getFirst("X-Security-Token");
            if (token != null) {
                securityTokens.add(token);
            }
            if (exchange.getRequestMethod().equals("GET") && path.equals("/v3/projects")) {
                listProjects(exchange);
                return;
            }
            Matcher kms = KMS_PATH.matcher(path);
            if (!kms.matches() || !exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 404, "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist\"}");
                return;
            }
            if (!kms.group(1).equals(PROJECT_ID) || !PROJECT_ID.equals(exchange.getRequestHeaders().getFirst("X-Project-Id"))) {
                reply(exchange, 403, kmsError("KMS.0303", "project id does not match the credentials"));
                return;
            }
            JsonNode request = JSON.readTree(body);
            String keyUuid = request.path("key_id").asText();
            if (!keyUuids.contains(keyUuid)) {
                reply(exchange, 404, kmsError("KMS.0205", "The key does not exist."));
                return;
            }
            if (!request.path("encryption_algorithm").asText().equals("SYMMETRIC_DEFAULT")) {
                reply(exchange, 400, kmsError("KMS.0201", "Invalid encryption algorithm."));
                return;
            }
            if (kms.group(2).equals("encrypt-data")) {
                byte[] sealed = cipher.seal(keyUuid, "", request.path("plain_text").asText().getBytes(StandardCharsets.UTF_8));
                reply(exchange, 200, JSON.createObjectNode().put("key_id", keyUuid)
                        .put("cipher_text", HexFormat.of().formatHex(sealed) + keyUuid).toString());
            } else {
                String cipherText = request.path("cipher_text").asText();
                try {
                    if (!cipherText.endsWith(keyUuid)) {
                        throw new GeneralSecurityException("another key's cipher text");
                    }
                    byte[] sealed = HexFormat.of().parseHex(cipherText.substring(0, cipherText.length() - keyUuid.length()));
                    String plain = new String(cipher.open(keyUuid, "", sealed), StandardCharsets.UTF_8);
                    reply(exchange, 200, JSON.createObjectNode().put("key_id", keyUuid).put("plain_text", plain)
                            .put("plain_text_base64", Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)))
                            .toString());
                } catch (GeneralSecurityException | RuntimeException e) {
                    reply(exchange, 400, kmsError("KMS.0207", "Invalid cipher text."));
                }
            }
        }
    }

    private void listProjects(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String name = query == null ? "" : URLDecoder.decode(query.replaceFirst("^name=", ""), StandardCharsets.UTF_8);
        StringBuilder projects = new StringBuilder("{\"projects\":[");
        if (name.equals(region)) {
            projects.append("{\"id\":\"").append(PROJECT_ID).append("\",\"name\":\"").append(region).append("\"}");
        }
        reply(exchange, 200, projects.append("]}").toString());
    }

    /** Why the request's signature does not hold, or {@code null} when it does. */
    private String authenticate(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher parts = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (parts == null || !parts.matches()) {
            return "missing or malformed Authorization";
        }
        String secret = secretKeys.get(parts.group(1));
        if (secret == null) {
            return "verify aksk signature fail";
        }
        List<String> signedHeaders = List.of(parts.group(2).split(";"));
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-sdk-date")
                || !signedHeaders.equals(signedHeaders.stream().sorted().toList())) {
            return "host and x-sdk-date must be signed, in order";
        }
        String date = exchange.getRequestHeaders().getFirst("X-Sdk-Date");
        try {
            Instant sent = LocalDateTime.parse(date, DATE).toInstant(ZoneOffset.UTC);
            if (Duration.between(sent, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
                return "the request date is too far from now";
            }
        } catch (RuntimeException e) {
            return "invalid X-Sdk-Date";
        }
        StringBuilder canonical = new StringBuilder();
        canonical.append(exchange.getRequestMethod()).append('\n');
        String path = exchange.getRequestURI().getRawPath();
        canonical.append(path.endsWith("/") ? path : path + "/").append('\n');
        canonical.append(sortedQuery(exchange.getRequestURI().getRawQuery())).append('\n');
        for (String header : signedHeaders) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value == null) {
                return "signed header " + header + " is missing";
            }
            canonical.append(header).append(':').append(value.trim()).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(hex(sha256(body)));
        String stringToSign = "SDK-HMAC-SHA256\n" + date + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        String expected = hex(hmac(secret, stringToSign));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.group(3).getBytes(StandardCharsets.US_ASCII)) ? accepted(exchange, parts, signedHeaders) : "verify aksk signature fail";
    }

    private String accepted(HttpExchange exchange, Matcher parts, List<String> signedHeaders) {
        calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " " + parts.group(1) + " "
                + String.join(";", signedHeaders));
        return null;
    }

    /** The query re-encoded as the gateway compares it: pairs sorted, names and values RFC 3986-encoded. */
    private static String sortedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            sorted.computeIfAbsent(rfc3986(name), n -> new ArrayList<>()).add(rfc3986(value));
        }
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value -> pairs.add(name + "=" + value)));
        return String.join("&", pairs);
    }

    private static String rfc3986(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String kmsError(String code, String message) {
        return JSON.createObjectNode().set("error", JSON.createObjectNode().put("error_code", code).put("error_msg", message))
                .toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Request-Id", "standin-request");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
