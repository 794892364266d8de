package io.sops4j.keys.age;

import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * An {@code AGE-SECRET-KEY-PQ-1...} identity (age v1.3): the 32-byte ML-KEM-768 + X25519 (X-Wing)
 * seed; it opens the {@code mlkem768x25519} stanzas of its {@link HybridRecipient}.
 */
final class HybridIdentity implements Identity {

    private static final String HRP = "AGE-SECRET-KEY-PQ-";
    private static final int SEED_SIZE = 32;

    private final byte[] seed;
    private final AsymmetricCipherKeyPair keyPair;
    private final String source;

    private HybridIdentity(byte[] seed, String source) {
        this.seed = seed.clone();
        this.keyPair = HybridRecipient.hpke().deserializePrivateKey(this.seed, null);
        this.source = source;
    }

    static HybridIdentity generate() {
        return new HybridIdentity(AgeCrypto.random(SEED_SIZE), "generated");
    }

    static HybridIdentity parse(String text, String source) {
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age hybrid secret key in " + source + ": " + e.getMessage());
        }
        if (!decoded.hrp().equals(HRP) || decoded.data().length != SEED_SIZE) {
            throw new IllegalArgumentException("malformed age hybrid secret key in " + source);
        }
        return new HybridIdentity(decoded.data(), source);
    }

    String encoded() {
        return Bech32.encode(HRP, seed);
    }

    HybridRecipient recipient() {
        return HybridRecipient.of(HybridRecipient.hpke().serializePublicKey(keyPair.getPublic()));
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals(HybridRecipient.STANZA_TYPE)) {
                continue;
            }
            if (stanza.args().size() != 1) {
                throw AgeFailure.header("invalid mlkem768x25519 stanza: expected one argument");
            }
            byte[] enc = AgeCrypto.decodeRawBase64(stanza.args().get(0));
            if (enc == null || enc.length != HybridRecipient.ENC_SIZE) {
                throw AgeFailure.header("invalid mlkem768x25519 stanza: malformed encapsulated key");
            }
            byte[] body = stanza.body();
            if (body.length != AgeCrypto.FILE_KEY_SIZE + AgeCrypto.TAG_SIZE) {
                throw AgeFailure.header("stanza body has the wrong size for a file key");
            }
            try {
                return HybridRecipient.hpke().open(enc, keyPair, HybridRecipient.INFO, new byte[0], body, null, null, null);
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
