package io.sops4j.keys;

import io.sops4j.tree.TreeBranch;

/**
 * A kind of master key, found with {@link java.util.ServiceLoader}. Each source owns one metadata
 * list ({@link #type()}) and turns its entries and user-given identifiers into {@link MasterKey}s.
 */
public interface KeySource {

    /**
     * The metadata list name and decryption-order identifier: {@code age}, {@code pgp}, ...
     *
     * @return the metadata list name and decryption-order identifier
     */
    String type();

    /**
     * Reads one stored metadata entry.
     *
     * @param entry an entry of this source's metadata list
     * @return the key, holding its wrapped data key
     */
    MasterKey fromMetadata(TreeBranch entry);

    /**
     * A key not yet holding a wrapped copy, from the identifier a user gives on the command line.
     *
     * @param identifier such as an age recipient or a PGP fingerprint
     * @return the key
     */
    MasterKey fromIdentifier(String identifier);

    /**
     * A key not yet holding a wrapped copy, from an object entry of a {@code .sops.yaml} key group
     * (for example {@code {arn, role, context, aws_profile}} for AWS KMS).
     *
     * @param entry the entry's fields
     * @return the key
     */
    default MasterKey fromConfig(java.util.Map<String, Object> entry) {
        throw new io.sops4j.error.SopsException(io.sops4j.error.ExitCode.GENERIC,
                "'" + type() + "' keys cannot be configured with an object entry: " + entry.keySet());
    }
}
