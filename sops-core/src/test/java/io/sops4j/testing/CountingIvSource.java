package io.sops4j.testing;

import io.sops4j.internal.crypto.IvSource;

/** The IV scheme of the 3.13.2 vectors: the n-th IV (n from the start value) is {@code iv[i] = (n + i) mod 256}. */
public final class CountingIvSource implements IvSource {

    private int next;

    public CountingIvSource(int first) {
        this.next = first;
    }

    @Override
    public byte[] next() {
        byte[] iv = new byte[IV_LENGTH];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = (byte) (next + i);
        }
        next++;
        return iv;
    }
}
