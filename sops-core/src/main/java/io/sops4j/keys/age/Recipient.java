package io.sops4j.keys.age;

import java.util.List;

/** Something a file key can be wrapped to. */
interface Recipient {

    List<Stanza> wrap(byte[] fileKey);
}
