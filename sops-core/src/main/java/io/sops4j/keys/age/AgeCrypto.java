package io.sops4j.keys.age;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** The primitives of age v1: HKDF-SHA-256, HMAC-SHA-256, ChaCha20-Poly1305, X25519, strict base64. */
final class AgeCrypto {

    static final SecureRandom RANDOM = new SecureRandom();
    static final int FILE_KEY_SIZE = 16;
    static final int TAG_SIZE = 16;

    private AgeCrypto() {
    }

    static byte[] random(int size) {
        byte[] out = new byte[size];
        RANDOM.nextBytes(out);
        return out;
    }

    static byte[] hkdf(byte[] ikm, byte[] salt, String info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    static byte[] hmac(byte[] key, byte[] message) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.init(true, new AEADParameters(new KeyParameter(key), TAG_SIZE * 8, nonce));
        byte[] out = new byte[aead.getOutputSize(plaintext.length)];
        int n = aead.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The plaintext, or null when the tag does not verify. */
    static byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, int offset, int length) {
        if (length < TAG_SIZE) {
            return null;
        }
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.init(false, new AEADParameters(new KeyParameter(key), TAG_SIZE * 8, nonce));
        byte[] out = new byte[aead.getOutputSize(length)];
        int n = aead.processBytes(ciphertext, offset, length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            return null;
        }
        return out;
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

    static byte[] x25519Base(byte[] scalar) {
        byte[] out = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(scalar, 0, out, 0);
        return out;
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
