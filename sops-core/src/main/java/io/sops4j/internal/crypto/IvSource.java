package io.sops4j.internal.crypto;

/** Supplies the 32-byte IV of each value encryption. Production code always uses {@link #random()}. */
@FunctionalInterface
public interface IvSource {

    int IV_LENGTH = 32;

    byte[] next();

    static IvSource random() {
        return () -> Randomness.bytes(IV_LENGTH);
    }
}
