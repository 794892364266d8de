package io.sops4j.internal.keys;

import io.sops4j.keys.age.AgeKeys;

/** The {@code age} key source as {@code META-INF/services} finds it. */
public final class AgeKeySourceProvider extends DelegatingKeySource {

    public AgeKeySourceProvider() {
        super(AgeKeys.keySource());
    }
}
