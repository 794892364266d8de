package io.sops4j.keys.age;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An {@code age1pq1...} recipient (age v1.3): the 1,216-byte ML-KEM-768 + X25519 (X-Wing)
 * encapsulation key; a file key is wrapped with HPKE base mode, HKDF-SHA-256 and
 * ChaCha20-Poly1305 into one {@code mlkem768x25519} stanza.
 */
final class HybridRecipient implements Recipient {

    static final String STANZA_TYPE = "mlkem768x25519";
    static final byte[] INFO = "age-encryption.org/mlkem768x25519".getBytes(StandardCharsets.US_ASCII);
    static final int PUBLIC_KEY_SIZE = 1216;
    static final int ENC_SIZE = 1120;
    private static final int X25519_OFFSET = PUBLIC_KEY_SIZE - X25519.POINT_SIZE;
    private static final String HRP = "age1pq";

    private final byte[] publicKey;
    private final AsymmetricKeyParameter key;

    private HybridRecipient(byte[] publicKey) {
        this.publicKey = publicKey.clone();
        this.key = hpke().deserializePublicKey(this.publicKey);
    }

    static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_MLKEM768_X25519, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
    }

    /** The recipient of an encapsulation key, checked as ML-KEM and X25519 require. */
    static HybridRecipient of(byte[] publicKey) {
        if (publicKey.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("malformed age hybrid recipient: wrong key length");
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        X25519.scalarMult(AgeCrypto.random(X25519.SCALAR_SIZE), 0, publicKey, X25519_OFFSET, shared, 0);
        if (AgeCrypto.isZero(shared)) {
            throw new IllegalArgumentException("malformed age hybrid recipient: the X25519 key is a low-order point");
        }
        try {
            return new HybridRecipient(publicKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age hybrid recipient: the ML-KEM-768 key is not valid");
        }
    }

    static HybridRecipient parse(String text) {
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age hybrid recipient: " + e.getMessage());
        }
        if (!decoded.hrp().equals(HRP)) {
            throw new IllegalArgumentException("malformed age hybrid recipient: unexpected type '" + decoded.hrp() + "'");
        }
        return of(decoded.data());
    }

    String encoded() {
        return Bech32.encode(HRP, publicKey);
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public List<Stanza> wrap(byte[] fileKey) {
        byte[][] sealed;
        try {
            sealed = hpke().seal(key, INFO, new byte[0], fileKey, null, null, null);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        byte[] body = sealed[0];
        byte[] enc = sealed[1];
        return List.of(new Stanza(STANZA_TYPE, List.of(AgeCrypto.rawBase64(enc)), body));
    }
}
