package io.sops4j.keys.age;

import io.sops4j.internal.crypto.Primitives;
import io.sops4j.internal.crypto.Randomness;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The primitives of age v1: HKDF-SHA-256, HMAC-SHA-256, ChaCha20-Poly1305, X25519, strict base64.
 * HMAC and ChaCha20-Poly1305 come from the same {@link Primitives} as the file's values; X25519
 * from Bouncy Castle's RFC 7748 arithmetic, which needs no provider.
 */
final class AgeCrypto {

    static final int FILE_KEY_SIZE = 16;
    static final int TAG_SIZE = 16;
    private static final int HASH_SIZE = 32;
    /** The u-coordinate 9 of Curve25519's base point, little-endian. */
    private static final byte[] BASE_POINT = basePoint();

    private AgeCrypto() {
    }

    static byte[] random(int size) {
        return Randomness.bytes(size);
    }

    /** RFC 5869 HKDF with SHA-256; an empty salt is the hash length of zeros, as the RFC says. */
    static byte[] hkdf(byte[] ikm, byte[] salt, String info, int length) {
        Primitives primitives = Primitives.current();
        byte[] prk = primitives.hmacSha256(salt.length == 0 ? new byte[HASH_SIZE] : salt, ikm);
        byte[] infoBytes = info.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int offset = 0, counter = 1; offset < length; offset += HASH_SIZE, counter++) {
            byte[] message = Arrays.copyOf(block, block.length + infoBytes.length + 1);
            System.arraycopy(infoBytes, 0, message, block.length, infoBytes.length);
            message[message.length - 1] = (byte) counter;
            block = primitives.hmacSha256(prk, message);
            System.arraycopy(block, 0, out, offset, Math.min(HASH_SIZE, length - offset));
        }
        return out;
    }

    static byte[] hmac(byte[] key, byte[] message) {
        return Primitives.current().hmacSha256(key, message);
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        return Primitives.current().chaCha20Poly1305Seal(key, nonce, plaintext);
    }

    /** The plaintext, or null when the tag does not verify. */
    static byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, int offset, int length) {
        if (length < TAG_SIZE) {
            return null;
        }
        return Primitives.current().chaCha20Poly1305Open(key, nonce, ciphertext, offset, length);
    }

    /** Wraps a file key with a one-time key (all-zero nonce). */
    static byte[] wrapFileKey(byte[] wrappingKey, byte[] fileKey) {
        return seal(wrappingKey, new byte[12], fileKey);
    }

    /**
     * Unwraps a stanza body: null when the key does not fit (another identity may), a header
     * failure when the body has the wrong size.
     */
    static byte[] unwrapFileKey(byte[] wrappingKey, byte[] body) {
        if (body.length != FILE_KEY_SIZE + TAG_SIZE) {
            throw AgeFailure.header("stanza body has the wrong size for a file key");
        }
        return open(wrappingKey, new byte[12], body, 0, body.length);
    }

    static byte[] x25519(byte[] scalar, byte[] point) {
        byte[] out = new byte[X25519.POINT_SIZE];
        X25519.scalarMult(scalar, 0, point, 0, out, 0);
        if (isZero(out)) {
            throw AgeFailure.header("X25519 share is a low-order point");
        }
        return out;
    }

    /**
     * The scalar times the base point, as a plain Montgomery ladder: Bouncy Castle's
     * {@code scalarMultBase} first builds Ed25519 tables, which costs more than one ladder.
     */
    static byte[] x25519Base(byte[] scalar) {
        byte[] out = new byte[X25519.POINT_SIZE];
        X25519.scalarMult(scalar, 0, BASE_POINT, 0, out, 0);
        return out;
    }

    private static byte[] basePoint() {
        byte[] point = new byte[X25519.POINT_SIZE];
        point[0] = 9;
        return point;
    }

    static boolean isZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String rawBase64(byte[] data) {
        return Base64.getEncoder().withoutPadding().encodeToString(data);
    }

    /** Go's {@code base64.RawStdEncoding.Strict()}: no padding, canonical trailing bits; null when invalid. */
    static byte[] decodeRawBase64(String text) {
        if (text.indexOf('=') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return null;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            return rawBase64(decoded).equals(text) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Go's {@code base64.StdEncoding.Strict()}: padding required, canonical trailing bits; null when invalid. */
    static byte[] decodePaddedBase64(String text) {
        if (text.length() % 4 != 0) {
            return null;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(decoded).equals(text) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
