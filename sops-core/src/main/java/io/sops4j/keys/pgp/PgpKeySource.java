package io.sops4j.keys.pgp;

import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/** The {@code pgp} key source: entries with {@code created_at}, {@code enc} and {@code fp}. */
final class PgpKeySource implements KeySource {

    @Override
    public String type() {
        return PgpMasterKey.TYPE;
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return new PgpMasterKey(KeyEntries.text(entry, "fp"), KeyEntries.text(entry, "enc"),
                KeyEntries.createdAt(entry, PgpMasterKey.TYPE));
    }

    @Override
    public MasterKey fromIdentifier(String identifier) {
        return PgpMasterKey.fromFingerprint(identifier);
    }
}
