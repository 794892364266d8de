package io.sops4j.internal.crypto;

import java.security.SecureRandom;

/**
 * The one {@link SecureRandom} of data keys, IVs, Shamir shares, age and PGP encryption and
 * temporary file names. Made on first use: decrypting needs no randomness, and the first
 * {@code SecureRandom} sets up the JCA, which a short-lived decryption does not otherwise load.
 */
public final class Randomness {

    private Randomness() {
    }

    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    public static SecureRandom secureRandom() {
        return Holder.RANDOM;
    }

    public static byte[] bytes(int length) {
        byte[] out = new byte[length];
        Holder.RANDOM.nextBytes(out);
        return out;
    }
}
