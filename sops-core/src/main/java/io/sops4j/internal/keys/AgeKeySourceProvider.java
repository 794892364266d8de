package io.sops4j.internal.keys;

import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.tree.TreeBranch;
import java.util.Map;

/** Registers the {@code age} key source in {@code META-INF/services}, which needs a public class. */
public final class AgeKeySourceProvider implements KeySource {

    private final KeySource source = AgeKeys.keySource();

    @Override
    public String type() {
        return source.type();
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return source.fromMetadata(entry);
    }

    @Override
    public MasterKey fromIdentifier(String identifier) {
        return source.fromIdentifier(identifier);
    }

    @Override
    public MasterKey fromConfig(Map<String, Object> entry) {
        return source.fromConfig(entry);
    }
}
