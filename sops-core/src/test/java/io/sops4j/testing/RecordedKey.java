package io.sops4j.testing;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/**
 * A master key that already holds a wrapped copy recorded in a reference file: "encrypting" keeps
 * that copy, so a file can be re-created byte for byte with the reference's key entries.
 */
public record RecordedKey(MasterKey stored) implements MasterKey {

    @Override
    public String type() {
        return stored.type();
    }

    @Override
    public String id() {
        return stored.id();
    }

    @Override
    public String encryptedKey() {
        return stored.encryptedKey();
    }

    @Override
    public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        return this;
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        return stored.decrypt(environment);
    }

    @Override
    public TreeBranch toMetadata() {
        return stored.toMetadata();
    }
}
