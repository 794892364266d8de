package io.sops4j.keys;

import io.sops4j.tree.TreeBranch;

/**
 * One wrapped copy of a file's data key (or of its Shamir share), as stored in the metadata.
 * Instances are immutable: {@link #encrypt} returns a new key that holds the wrapped copy.
 */
public interface MasterKey {

    /**
     * The metadata list this key belongs to: {@code age}, {@code pgp}, {@code kms}, ...
     *
     * @return the metadata list this key belongs to
     */
    String type();

    /**
     * Upstream's {@code ToString}: the recipient, fingerprint, ARN, ... used to compare keys.
     *
     * @return the key's identifier, as upstream's {@code ToString}
     */
    String id();

    /**
     * The stored {@code enc} text; empty before {@link #encrypt}.
     *
     * @return the stored {@code enc} text
     */
    String encryptedKey();

    /**
     * Wraps {@code plaintext} (a data key or a Shamir share) and returns the key holding it.
     *
     * @param plaintext the bytes to wrap
     * @param environment where credentials are found
     * @return a key holding the wrapped bytes
     */
    MasterKey encrypt(byte[] plaintext, KeyEnvironment environment);

    /**
     * Unwraps {@link #encryptedKey()}; fails with a {@link io.sops4j.error.SopsException}.
     *
     * @param environment where credentials are found
     * @return the unwrapped bytes
     */
    byte[] decrypt(KeyEnvironment environment);

    /**
     * The metadata entry, keys in Go string order, as upstream writes it.
     *
     * @return the metadata entry, keys in Go string order, as upstream writes it
     */
    TreeBranch toMetadata();
}
