package io.sops4j.store.binary;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class BinaryStorePropertiesTest {

    @Property
    void anyBytesSurviveLoadAndEmit(@ForAll @Size(max = 4096) byte[] bytes) {
        BinaryStore store = new BinaryStore(-1);

        assertThat(store.emitPlain(store.loadPlain(bytes))).isEqualTo(bytes);
    }
}
