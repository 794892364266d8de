package io.sops4j.internal.crypto;

import java.security.SecureRandom;

/** Supplies the 32-byte IV of each value encryption. Production code always uses {@link #random()}. */
@FunctionalInterface
public interface IvSource {

    int IV_LENGTH = 32;

    byte[] next();

    /** Random IVs; the generator is made by the first IV, as a decryption that encrypts nothing needs none. */
    static IvSource random() {
        return new IvSource() {
            private SecureRandom random;

            @Override
            public synchronized byte[] next() {
                if (random == null) {
                    random = new SecureRandom();
                }
                byte[] iv = new byte[IV_LENGTH];
                random.nextBytes(iv);
                return iv;
            }
        };
    }
}
