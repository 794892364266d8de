package io.sops4j.kms.hckms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.kms.KeyFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HuaweiCloud KMS's {@code encrypt-data} and {@code decrypt-data} operations as upstream sops calls
 * them through HuaweiCloud's Go SDK: the data key base64-encoded as {@code plain_text} with
 * {@code SYMMETRIC_DEFAULT}, each request signed with {@link ApigSigner}. The endpoint is
 * {@code HUAWEICLOUD_SDK_REGION_KMS_<REGION>} (the region upper-cased, {@code -} as {@code _}) when
 * set, else the SDK's endpoint of the region. Without a project id in the credentials, the
 * project named like the region is looked up in IAM ({@code HUAWEICLOUD_SDK_IAM_ENDPOINT}, else
 * the region's IAM endpoint), as the SDK does.
 */
final class HuaweiCloudKmsClient {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String ALGORITHM = "SYMMETRIC_DEFAULT";
    static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    /** The regions HuaweiCloud's Go SDK names for KMS; all on {@code myhuaweicloud.com} but the one listed with its domain. */
    static final List<String> REGIONS = List.of("af-south-1", "ae-ad-1", "ap-southeast-1", "ap-southeast-2",
            "ap-southeast-3", "ap-southeast-4", "cn-east-2", "cn-east-3", "cn-north-1", "cn-north-2", "cn-north-4",
            "cn-north-9", "cn-south-1", "cn-south-2", "cn-southwest-2", "eu-west-101", "la-north-2", "la-south-2",
            "na-mexico-1", "sa-brazil-1", "tr-west-1");
    private static final Map<String, String> DOMAINS = Map.of("eu-west-101", "myhuaweicloud.eu");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyEnvironment environment;

    HuaweiCloudKmsClient(KeyEnvironment environment) {
        this.environment = environment;
    }

    String encrypt(HuaweiCloudKmsMasterKey key, byte[] dataKey) {
        String action = "encrypt sops data key";
        ObjectNode body = JSON.createObjectNode()
                .put("key_id", key.keyUuid())
                .put("plain_text", Base64.getEncoder().encodeToString(dataKey))
                .put("encryption_algorithm", ALGORITHM);
        JsonNode cipherText = call(key, action, "encrypt-data", body).path("cipher_text");
        if (!cipherText.isTextual() || cipherText.asText().isEmpty()) {
            throw KeyFailure.of(key.description(), action, "encryption response missing ciphertext");
        }
        return cipherText.asText();
    }

    byte[] decrypt(HuaweiCloudKmsMasterKey key) {
        String action = "decrypt sops data key";
        ObjectNode body = JSON.createObjectNode()
                .put("cipher_text", key.encryptedKey())
                .put("encryption_algorithm", ALGORITHM)
                .put("key_id", key.keyUuid());
        JsonNode plainText = call(key, action, "decrypt-data", body).path("plain_text");
        if (!plainText.isTextual()) {
            throw KeyFailure.of(key.description(), action, "decryption response missing plaintext");
        }
        try {
            return Base64.getDecoder().decode(plainText.asText());
        } catch (IllegalArgumentException e) {
            throw KeyFailure.of(key.description(), action, "failed to base64 decode decrypted data key");
        }
    }

    private JsonNode call(HuaweiCloudKmsMasterKey key, String action, String operation, ObjectNode body) {
        HuaweiCloudCredentials credentials;
        URI endpoint;
        try {
            credentials = HuaweiCloudCredentials.find(environment);
            endpoint = endpoint(key.region());
        } catch (HuaweiCloudCredentials.MissingCredentials e) {
            throw KeyFailure.of(key.description(), action,
                    "failed to create HuaweiCloud KMS client: failed to get HuaweiCloud credentials: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw KeyFailure.of(key.description(), action, "failed to create HuaweiCloud KMS client: " + e.getMessage());
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        String projectId = credentials.projectId.isEmpty() ? projectId(client, credentials, key, action) : credentials.projectId;
        String path = "/v1.0/" + projectId + "/kms/" + operation;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Project-Id", projectId);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = send(client, credentials, key, action, "POST", endpoint, path, Map.of(), headers, bytes);
        if (response.statusCode() / 100 != 2) {
            throw KeyFailure.of(key.description(), action, serviceError(response));
        }
        return parse(key, action, response.body());
    }

    /** The id of the IAM project named like the key's region. */
    private String projectId(HttpClient client, HuaweiCloudCredentials credentials, HuaweiCloudKmsMasterKey key, String action) {
        URI iam;
        try {
            iam = endpointUri(credentials.iamEndpoint.isEmpty()
                    ? "https://iam." + key.region() + "." + DOMAINS.getOrDefault(key.region(), "myhuaweicloud.com")
                    : credentials.iamEndpoint);
        } catch (IllegalArgumentException e) {
            throw KeyFailure.of(key.description(), action, "failed to get project id, " + e.getMessage());
        }
        HttpResponse<byte[]> response = send(client, credentials, key, action, "GET", iam, "/v3/projects",
                Map.of("name", List.of(key.region())), new LinkedHashMap<>(), new byte[0]);
        if (response.statusCode() / 100 != 2) {
            throw KeyFailure.of(key.description(), action, "failed to get project id, " + serviceError(response));
        }
        for (JsonNode project : parse(key, action, response.body()).path("projects")) {
            String id = project.path("id").asText("");
            if (!id.isEmpty()) {
                return id;
            }
        }
        throw KeyFailure.of(key.description(), action, "failed to get project id, no project named " + key.region()
                + " found; set " + HuaweiCloudCredentials.PROJECT_ID);
    }

    private static HttpResponse<byte[]> send(HttpClient client, HuaweiCloudCredentials credentials,
            HuaweiCloudKmsMasterKey key, String action, String method, URI endpoint, String path,
            Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
        if (method.equals("POST")) {
            headers.put("Content-Type", CONTENT_TYPE);
        }
        if (!credentials.securityToken.isEmpty()) {
            headers.put("X-Security-Token", credentials.securityToken);
        }
        headers.put(ApigSigner.DATE_HEADER, ApigSigner.date(Instant.now()));
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("Host", endpoint.getRawAuthority());
        String basePath = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String fullPath = basePath + path;
        String authorization = ApigSigner.authorization(credentials.accessKey, credentials.secretKey, method,
                fullPath, query, signed, body);
        StringBuilder uri = new StringBuilder(endpoint.getScheme()).append("://").append(endpoint.getRawAuthority())
                .append(fullPath);
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                uri.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        request.header("Authorization", authorization);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw KeyFailure.of(key.description(), action, "cannot reach " + endpoint + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KeyFailure.of(key.description(), action, e);
        }
    }

    /** {@code HUAWEICLOUD_SDK_REGION_KMS_<REGION>} (its first entry), else the SDK's endpoint of the region. */
    URI endpoint(String region) {
        String variable = "HUAWEICLOUD_SDK_REGION_KMS_" + region.toUpperCase(Locale.ROOT).replace('-', '_');
        String configured = environment.get(variable).orElse("").strip();
        if (!configured.isEmpty()) {
            return endpointUri(configured.split(",")[0].strip());
        }
        if (!REGIONS.contains(region)) {
            throw new IllegalArgumentException("invalid region \"" + region + "\": unexpected region id '" + region
                    + "'; set " + variable + " to its KMS endpoint");
        }
        return endpointUri("https://kms." + region + "." + DOMAINS.getOrDefault(region, "myhuaweicloud.com"));
    }

    private static URI endpointUri(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid endpoint " + text);
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("invalid endpoint " + text + ": expected https://HOST[:PORT]");
        }
        return uri;
    }

    private static JsonNode parse(HuaweiCloudKmsMasterKey key, String action, byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw KeyFailure.of(key.description(), action, "the response is not JSON");
        }
    }

    /**
     * The service's error as HuaweiCloud's SDK reports it: status, request id, error code and message
     * (from {@code error_code}/{@code error_msg}, or the {@code error} object of KMS errors).
     */
    static String serviceError(HttpResponse<byte[]> response) {
        String code = "";
        String message = "";
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode error = body.has("error") && body.get("error").isObject() ? body.get("error") : body;
            code = error.path("error_code").asText(error.path("code").asText(""));
            message = error.path("error_msg").asText(error.path("message").asText(""));
        } catch (IOException | RuntimeException e) {
            // the status alone then describes the failure
        }
        ObjectNode report = JSON.createObjectNode().put("status_code", response.statusCode())
                .put("request_id", response.headers().firstValue("X-Request-Id").orElse(""))
                .put("error_code", code)
                .put("error_message", message);
        return report.toString();
    }
}
