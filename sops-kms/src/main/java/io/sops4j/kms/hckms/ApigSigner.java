package io.sops4j.kms.hckms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HuaweiCloud's AK/SK request signature {@code SDK-HMAC-SHA256} (the API Gateway signature): an
 * HMAC-SHA256 with the secret key over the hash of a canonical request made of the method, the
 * path (every segment percent-encoded, ending in {@code /}), the sorted query, the signed headers
 * (lower-case names, trimmed values, sorted) and the SHA-256 of the body.
 */
final class ApigSigner {

    static final String ALGORITHM = "SDK-HMAC-SHA256";
    static final String DATE_HEADER = "X-Sdk-Date";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ApigSigner() {
    }

    /** The request date as {@code X-Sdk-Date} carries it, e.g. {@code 20260102T150405Z}. */
    static String date(Instant time) {
        return DATE.format(time);
    }

    /**
     * The {@code Authorization} header value. {@code headers} are the headers to sign, the
     * {@code X-Sdk-Date} among them; {@code query} holds decoded names and values.
     */
    static String authorization(String accessKey, String secretKey, String method, String path,
            Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
        SortedMap<String, String> signed = lowerCase(headers);
        String date = signed.get(DATE_HEADER.toLowerCase(Locale.ROOT));
        if (date == null) {
            throw new IllegalArgumentException("the headers to sign have no " + DATE_HEADER);
        }
        String canonical = canonicalRequest(method, path, query, signed, body);
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + String.join(";", signed.keySet())
                + ", Signature=" + signature(secretKey, stringToSign(date, canonical));
    }

    static TreeMap<String, String> lowerCase(Map<String, String> headers) {
        TreeMap<String, String> sorted = new TreeMap<>();
        headers.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value));
        return sorted;
    }

    static String canonicalRequest(String method, String path, Map<String, List<String>> query,
            SortedMap<String, String> signedHeaders, byte[] body) {
        StringBuilder headers = new StringBuilder();
        signedHeaders.forEach((name, value) -> headers.append(name).append(':').append(value.trim()).append('\n'));
        return String.join("\n", method, canonicalPath(path), canonicalQuery(query), headers,
                String.join(";", signedHeaders.keySet()), hex(sha256(body)));
    }

    static String stringToSign(String date, String canonicalRequest) {
        return ALGORITHM + "\n" + date + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    static String signature(String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Each segment of the decoded path percent-encoded, with a trailing {@code /}. */
    static String canonicalPath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(encode(segment));
        }
        String joined = String.join("/", segments);
        return joined.endsWith("/") ? joined : joined + "/";
    }

    static String canonicalQuery(Map<String, List<String>> query) {
        SortedMap<String, List<String>> sorted = new TreeMap<>();
        query.forEach((name, values) -> sorted.computeIfAbsent(encode(name), n -> new ArrayList<>())
                .addAll(values.stream().map(ApigSigner::encode).toList()));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value -> pairs.add(name + "=" + value)));
        return String.join("&", pairs);
    }

    /** RFC 3986 percent-encoding: everything but {@code A-Z a-z 0-9 - _ . ~}. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
