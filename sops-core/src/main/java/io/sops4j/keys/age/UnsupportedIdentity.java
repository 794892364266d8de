package io.sops4j.keys.age;

import java.util.List;

/** An identity of a kind sops4j cannot use (age plugins); it never matches and says why. */
final class UnsupportedIdentity implements Identity {

    private final String description;

    UnsupportedIdentity(String description) {
        this.description = description;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        return null;
    }

    @Override
    public String describe() {
        return description;
    }
}
