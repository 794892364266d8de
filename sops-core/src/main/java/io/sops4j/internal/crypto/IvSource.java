package io.sops4j.internal.crypto;

import java.security.SecureRandom;

/** Supplies the 32-byte IV of each value encryption. Production code always uses {@link #random()}. */
@FunctionalInterface
public interface IvSource {

    int IV_LENGTH = 32;

    byte[] next();

    static IvSource random() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            return iv;
        };
    }
}
