package io.sops4j.keys.age;

import java.util.List;

/** An {@code AGE-SECRET-KEY-1...} X25519 identity. */
final class X25519Identity implements Identity {

    private static final String HRP = "AGE-SECRET-KEY-";

    private final byte[] secretKey;
    private final byte[] publicKey;
    private final String source;

    X25519Identity(byte[] secretKey, String source) {
        this.secretKey = secretKey.clone();
        this.publicKey = AgeCrypto.x25519Base(secretKey);
        this.source = source;
    }

    static X25519Identity generate() {
        return new X25519Identity(AgeCrypto.random(32), "generated");
    }

    static X25519Identity parse(String text, String source) {
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age secret key in " + source + ": " + e.getMessage());
        }
        if (!decoded.hrp().equals(HRP) || decoded.data().length != 32) {
            throw new IllegalArgumentException("malformed age secret key in " + source);
        }
        return new X25519Identity(decoded.data(), source);
    }

    String encoded() {
        return Bech32.encode(HRP, secretKey);
    }

    X25519Recipient recipient() {
        return new X25519Recipient(publicKey);
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals("X25519")) {
                continue;
            }
            if (stanza.args().size() != 1) {
                throw AgeFailure.header("invalid X25519 stanza: expected one argument");
            }
            byte[] share = AgeCrypto.decodeRawBase64(stanza.args().get(0));
            if (share == null || share.length != 32) {
                throw AgeFailure.header("invalid X25519 stanza: malformed share");
            }
            byte[] shared = AgeCrypto.x25519(secretKey, share);
            byte[] key = AgeCrypto.hkdf(shared, AgeCrypto.concat(share, publicKey), X25519Recipient.LABEL, 32);
            byte[] fileKey = AgeCrypto.unwrapFileKey(key, stanza.body());
            if (fileKey != null) {
                return fileKey;
            }
        }
        return null;
    }

    @Override
    public String describe() {
        return "X25519 identity " + recipient().encoded() + " from " + source;
    }
}
