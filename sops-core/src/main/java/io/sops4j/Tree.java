package io.sops4j;

import io.sops4j.metadata.Metadata;
import io.sops4j.tree.TreeBranch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A document with its metadata. YAML files may hold several documents ({@link #branches()});
 * every other format holds exactly one.
 */
record Tree(List<TreeBranch> branches, Metadata metadata) {

    /** Copies the list of documents (not the documents). */
    Tree {
        branches = new ArrayList<>(branches);
        Objects.requireNonNull(metadata, "metadata");
    }

    /** The same documents under other metadata. */
    Tree withMetadata(Metadata metadata) {
        return new Tree(branches, metadata);
    }

    /** A copy whose documents can be changed without changing these. */
    Tree deepCopy() {
        List<TreeBranch> copy = new ArrayList<>(branches.size());
        for (TreeBranch branch : branches) {
            copy.add(branch.deepCopy());
        }
        return new Tree(copy, metadata);
    }
}
