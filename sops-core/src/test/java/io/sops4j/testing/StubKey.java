package io.sops4j.testing;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/**
 * A master key of any type that wraps nothing: encrypting returns it unchanged and decrypting
 * throws {@code decryptFailure}. For tests of what is done with keys, not of a key type.
 */
public record StubKey(String type, String id, RuntimeException decryptFailure) implements MasterKey {

    /** A stub whose decryption fails with {@link UnsupportedOperationException}. */
    public StubKey(String type, String id) {
        this(type, id, new UnsupportedOperationException("a stub key decrypts nothing"));
    }

    @Override
    public String encryptedKey() {
        return "";
    }

    @Override
    public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        return this;
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        throw decryptFailure;
    }

    @Override
    public TreeBranch toMetadata() {
        return new TreeBranch();
    }
}
