package io.sops4j.keys.age;

import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/** The {@code age} key source: entries with {@code enc} and {@code recipient}. */
final class AgeKeySource implements KeySource {

    @Override
    public String type() {
        return AgeMasterKey.TYPE;
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return AgeMasterKey.stored(KeyEntries.text(entry, "recipient"), KeyEntries.text(entry, "enc"));
    }

    @Override
    public MasterKey fromIdentifier(String identifier) {
        return AgeMasterKey.forRecipient(identifier);
    }
}
