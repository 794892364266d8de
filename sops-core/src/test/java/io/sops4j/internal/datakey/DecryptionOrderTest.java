package io.sops4j.internal.datakey;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecryptionOrderTest {

    private record Key(String type, String id) implements MasterKey {
        @Override
        public String encryptedKey() {
            return "";
        }

        @Override
        public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
            return this;
        }

        @Override
        public byte[] decrypt(KeyEnvironment environment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TreeBranch toMetadata() {
            return new TreeBranch();
        }
    }

    private static final List<MasterKey> KEYS = List.of(new Key("kms", "k1"), new Key("pgp", "p1"),
            new Key("age", "a1"), new Key("hc_vault", "v1"), new Key("pgp", "p2"), new Key("age", "a2"),
            new Key("kms", "k2"));

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
