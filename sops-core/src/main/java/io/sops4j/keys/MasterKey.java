package io.sops4j.keys;

import io.sops4j.tree.TreeBranch;

/**
 * One wrapped copy of a file's data key (or of its Shamir share), as stored in the metadata.
 * Instances are immutable: {@link #encrypt} returns a new key that holds the wrapped copy.
 */
public interface MasterKey {

    /** The metadata list this key belongs to: {@code age}, {@code pgp}, {@code kms}, ... */
    String type();

    /** Upstream's {@code ToString}: the recipient, fingerprint, ARN, ... used to compare keys. */
    String id();

    /** The stored {@code enc} text; empty before {@link #encrypt}. */
    String encryptedKey();

    /** Wraps {@code plaintext} (a data key or a Shamir share) and returns the key holding it. */
    MasterKey encrypt(byte[] plaintext, KeyEnvironment environment);

    /** Unwraps {@link #encryptedKey()}; fails with a {@link io.sops4j.error.SopsException}. */
    byte[] decrypt(KeyEnvironment environment);

    /** The metadata entry, keys in Go string order, as upstream writes it. */
    TreeBranch toMetadata();
}
