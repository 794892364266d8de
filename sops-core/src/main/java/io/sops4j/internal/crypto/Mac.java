package io.sops4j.internal.crypto;

import java.util.HexFormat;

/** The SHA-512 message authentication code over a document's plaintext values, in walk order. */
final class Mac {

    /** SHA-256("sops"): the seed of the hash when only encrypted values are covered. */
    private static final byte[] MAC_ONLY_ENCRYPTED_SEED =
            HexFormat.of().parseHex("8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69");

    private final Primitives.Sha512 digest;
    private final boolean onlyEncrypted;

    Mac(boolean onlyEncrypted) {
        this.digest = Primitives.current().sha512();
        this.onlyEncrypted = onlyEncrypted;
        if (onlyEncrypted) {
            digest.update(MAC_ONLY_ENCRYPTED_SEED);
        }
    }

    void add(Object plaintextValue, boolean encrypted) {
        if (!onlyEncrypted || encrypted) {
            digest.update(ValueCodec.toBytes(plaintextValue));
        }
    }

    /** 128 upper-case hex characters, as Go's {@code %X}. */
    String value() {
        return HexFormat.of().withUpperCase().formatHex(digest.digest());
    }
}
