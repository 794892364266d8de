package io.sops4j.internal.keys;

import io.sops4j.keys.pgp.PgpKeys;

/** The {@code pgp} key source as {@code META-INF/services} finds it. */
public final class PgpKeySourceProvider extends DelegatingKeySource {

    public PgpKeySourceProvider() {
        super(PgpKeys.keySource());
    }
}
