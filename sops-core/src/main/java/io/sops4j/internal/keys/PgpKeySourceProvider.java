package io.sops4j.internal.keys;

import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.keys.pgp.PgpKeys;
import io.sops4j.tree.TreeBranch;
import java.util.Map;

/** Registers the {@code pgp} key source in {@code META-INF/services}, which needs a public class. */
public final class PgpKeySourceProvider implements KeySource {

    private final KeySource source = PgpKeys.keySource();

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
