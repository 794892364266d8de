package io.sops4j.crypto;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of an {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]} string. */
record EncryptedValue(byte[] data, byte[] iv, byte[] tag, String type) {

    private static final Pattern FORMAT = Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]");

    static boolean looksEncrypted(String text) {
        return FORMAT.matcher(text).lookingAt();
    }

    /** Parses like upstream: anchored at the start only, greedy groups, strict base64 ignoring CR/LF. */
    static EncryptedValue parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("Input string does not match sops' data format");
        }
        return new EncryptedValue(decode(m.group(1), "data"), decode(m.group(2), "iv"), decode(m.group(3), "tag"), m.group(4));
    }

    private static byte[] decode(String base64, String part) {
        try {
            return Base64.getDecoder().decode(base64.replace("\r", "").replace("\n", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Error base64-decoding " + part);
        }
    }

    String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "ENC[AES256_GCM,data:" + b64.encodeToString(data) + ",iv:" + b64.encodeToString(iv)
                + ",tag:" + b64.encodeToString(tag) + ",type:" + type + "]";
    }
}
