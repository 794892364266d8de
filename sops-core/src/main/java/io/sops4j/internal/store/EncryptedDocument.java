package io.sops4j.internal.store;

import io.sops4j.tree.TreeBranch;
import java.util.List;

/**
 * An encrypted file as a store reads it: the documents without their metadata, and the metadata
 * as a nested branch (flattened formats unflatten it first).
 */
public record EncryptedDocument(List<TreeBranch> branches, TreeBranch metadata) {

    public EncryptedDocument {
        branches = List.copyOf(branches);
    }
}
