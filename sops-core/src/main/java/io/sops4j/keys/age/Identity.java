package io.sops4j.keys.age;

import java.util.List;

/** Something that may unwrap a file key from the stanzas of a header. */
interface Identity {

    /**
     * The file key, or null when no stanza is for this identity. Malformed stanzas of this
     * identity's type fail with a header {@link AgeFailure}.
     */
    byte[] unwrap(List<Stanza> stanzas);

    /** Where the identity came from and what kind it is, for error messages; never key material. */
    String describe();
}
