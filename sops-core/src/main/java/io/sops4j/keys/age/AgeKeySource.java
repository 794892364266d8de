package io.sops4j.keys.age;

import io.sops4j.internal.metadata.MetadataCodec;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/** The {@code age} key source: entries with {@code enc} and {@code recipient}. */
public final class AgeKeySource implements KeySource {

    @Override
    public String type() {
        return AgeMasterKey.TYPE;
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return AgeMasterKey.stored(MetadataCodec.field(entry, "recipient"), MetadataCodec.field(entry, "enc"));
    }

    @Override
    public MasterKey fromIdentifier(String identifier) {
        return AgeMasterKey.forRecipient(identifier);
    }
}
