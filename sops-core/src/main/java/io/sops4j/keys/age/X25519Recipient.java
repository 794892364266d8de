package io.sops4j.keys.age;

import java.util.List;

/** An {@code age1...} X25519 recipient. */
final class X25519Recipient implements Recipient {

    static final String LABEL = "age-encryption.org/v1/X25519";
    private static final String HRP = "age";

    private final byte[] publicKey;

    X25519Recipient(byte[] publicKey) {
        this.publicKey = publicKey.clone();
    }

    static X25519Recipient parse(String text) {
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age recipient: " + e.getMessage());
        }
        if (!decoded.hrp().equals(HRP)) {
            throw new IllegalArgumentException("malformed age recipient: unexpected type '" + decoded.hrp() + "'");
        }
        if (decoded.data().length != 32) {
            throw new IllegalArgumentException("malformed age recipient: wrong key length");
        }
        return new X25519Recipient(decoded.data());
    }

    String encoded() {
        return Bech32.encode(HRP, publicKey);
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public List<Stanza> wrap(byte[] fileKey) {
        byte[] ephemeral = AgeCrypto.random(32);
        byte[] share = AgeCrypto.x25519Base(ephemeral);
        byte[] shared = AgeCrypto.x25519(ephemeral, publicKey);
        byte[] key = AgeCrypto.hkdf(shared, AgeCrypto.concat(share, publicKey), LABEL, 32);
        return List.of(new Stanza("X25519", List.of(AgeCrypto.rawBase64(share)), AgeCrypto.wrapFileKey(key, fileKey)));
    }
}
