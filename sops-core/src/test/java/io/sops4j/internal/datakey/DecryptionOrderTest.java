package io.sops4j.internal.datakey;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.keys.MasterKey;
import io.sops4j.testing.StubKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecryptionOrderTest {

    private static final List<MasterKey> KEYS = List.of(new StubKey("kms", "k1"), new StubKey("pgp", "p1"),
            new StubKey("age", "a1"), new StubKey("hc_vault", "v1"), new StubKey("pgp", "p2"), new StubKey("age", "a2"),
            new StubKey("kms", "k2"));

    private static List<String> ids(List<MasterKey> keys) {
        return keys.stream().map(MasterKey::id).toList();
    }

    @Test
    void listedTypesComeFirstInListOrderAndTheRestKeepTheirOrder() {
        assertThat(ids(DecryptionOrder.DEFAULT.sort(KEYS))).containsExactly("a1", "a2", "p1", "p2", "k1", "v1", "k2");
        assertThat(ids(DecryptionOrder.parse("kms, pgp").sort(KEYS)))
                .containsExactly("k1", "k2", "p1", "p2", "a1", "v1", "a2");
    }

    @Test
    void sortingLeavesTheGivenListAsItWas() {
        List<MasterKey> keys = new ArrayList<>(KEYS);
        DecryptionOrder.DEFAULT.sort(keys);
        assertThat(keys).isEqualTo(KEYS);
    }
}
