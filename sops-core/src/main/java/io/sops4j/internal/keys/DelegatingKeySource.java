package io.sops4j.internal.keys;

import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.util.Map;

/**
 * A key source registered in {@code META-INF/services}, which needs a public class with a public
 * constructor: it hands every call to the key source its subclass names.
 */
public abstract class DelegatingKeySource implements KeySource {

    private final KeySource source;

    protected DelegatingKeySource(KeySource source) {
        this.source = source;
    }

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
