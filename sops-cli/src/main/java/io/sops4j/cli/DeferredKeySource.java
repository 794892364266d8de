package io.sops4j.cli;

import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.util.Map;

/** Stands for one cloud key type; the first key of that type loads the real source. */
final class DeferredKeySource implements KeySource {

    private final String type;
    private final CloudKeySources cloud;

    DeferredKeySource(String type, CloudKeySources cloud) {
        this.type = type;
        this.cloud = cloud;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return cloud.source(type).fromMetadata(entry);
    }

    @Override
    public MasterKey fromIdentifier(String identifier) {
        return cloud.source(type).fromIdentifier(identifier);
    }

    @Override
    public MasterKey fromConfig(Map<String, Object> entry) {
        return cloud.source(type).fromConfig(entry);
    }
}
