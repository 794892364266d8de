package io.sops4j.keys.age;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * An {@code AGE-SECRET-KEY-PQ-1...} identity: ML-KEM-768 + X25519 through HPKE
 * (age v1.3 {@code mlkem768x25519} stanzas). Decryption only.
 */
final class HybridIdentity implements Identity {

    private static final String HRP = "AGE-SECRET-KEY-PQ-";
    private static final byte[] INFO = "age-encryption.org/mlkem768x25519".getBytes(StandardCharsets.US_ASCII);
    private static final int ENC_SIZE = 1088 + 32;

    private final AsymmetricCipherKeyPair keyPair;
    private final String source;

    private HybridIdentity(AsymmetricCipherKeyPair keyPair, String source) {
        this.keyPair = keyPair;
        this.source = source;
    }

    static HybridIdentity parse(String text, String source) {
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age hybrid secret key in " + source + ": " + e.getMessage());
        }
        if (!decoded.hrp().equals(HRP) || decoded.data().length != 32) {
            throw new IllegalArgumentException("malformed age hybrid secret key in " + source);
        }
        return new HybridIdentity(hpke().deserializePrivateKey(decoded.data(), null), source);
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_MLKEM768_X25519, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals("mlkem768x25519")) {
                continue;
            }
            if (stanza.args().size() != 1) {
                throw AgeFailure.header("invalid mlkem768x25519 stanza: expected one argument");
            }
            byte[] enc = AgeCrypto.decodeRawBase64(stanza.args().get(0));
            if (enc == null || enc.length != ENC_SIZE) {
                throw AgeFailure.header("invalid mlkem768x25519 stanza: malformed encapsulated key");
            }
            byte[] body = stanza.body();
            if (body.length != AgeCrypto.FILE_KEY_SIZE + AgeCrypto.TAG_SIZE) {
                throw AgeFailure.header("stanza body has the wrong size for a file key");
            }
            try {
                return hpke().open(enc, keyPair, INFO, new byte[0], body, null, null, null);
            } catch (InvalidCipherTextException e) {
                continue;
            } catch (IllegalStateException e) {
                throw AgeFailure.header("invalid mlkem768x25519 stanza: X25519 share is a low-order point");
            }
        }
        return null;
    }

    @Override
    public String describe() {
        return "hybrid post-quantum identity from " + source;
    }
}
