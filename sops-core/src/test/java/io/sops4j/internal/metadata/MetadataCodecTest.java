package io.sops4j.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.FormatException;
import io.sops4j.format.Format;
import io.sops4j.internal.format.Stores;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.Metadata;
import io.sops4j.testing.Conformance;
import io.sops4j.tree.TreeBranch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataCodecTest {

    private final MetadataCodec codec = MetadataCodec.installed();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vec_yaml.yaml", "vec_json.json", "vec_k8s.yaml", "vec_shamir.yaml", "vec_ini.ini", "vec_k8s.env",
            "vec_shamir.env", "vec_binary.bin"})
    void readingThenWritingGivesUpstreamsMetadataBack(String name) {
        byte[] file = Conformance.read(Conformance.vectors().resolve(name));
        io.sops4j.internal.store.Store store = Stores.of(Format.fromPath(name));
        EncryptedDocument document = store.loadEncrypted(file);

        Metadata metadata = codec.fromBranch(document.metadata());

        assertThat(store.emitEncrypted(document.branches(), codec.toBranch(metadata))).isEqualTo(file);
        assertThat(metadata.version()).isEqualTo("3.13.2");
        assertThat(metadata.lastModified()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void keysOfUnknownTypesAreKeptAsTheyAre() {
        TreeBranch hckms = new TreeBranch().add("created_at", "2026-01-01T00:00:00Z").add("enc", "opaque")
                .add("key_id", "cn-north-4:0d0466b0-e727-4d9c-b35d-f84bb474a37f");
        TreeBranch stored = new TreeBranch()
                .add("hckms", List.of(hckms))
                .add("lastmodified", "2026-01-01T00:00:00Z")
                .add("mac", "ENC[AES256_GCM,data:x,iv:y,tag:z,type:str]")
                .add("version", "3.13.2");

        Metadata metadata = codec.fromBranch(stored);

        MasterKey key = metadata.keyGroups().get(0).keys().get(0);
        assertThat(key).isInstanceOf(UnknownMasterKey.class);
        assertThat(key.id()).isEqualTo("cn-north-4:0d0466b0-e727-4d9c-b35d-f84bb474a37f");
        assertThat(codec.toBranch(metadata)).isEqualTo(stored);
    }

    @Test
    void groupsAlwaysListHcVaultAndAge() {
        Metadata metadata = codec.fromBranch(Stores.of(Format.YAML)
                .loadEncrypted(Conformance.read(Conformance.vectors().resolve("vec_shamir.yaml"))).metadata());

        TreeBranch first = (TreeBranch) ((List<?>) codec.toBranch(metadata).get("key_groups").orElseThrow()).get(0);
        assertThat(first.items()).extracting(item -> item.key()).containsExactly("age", "hc_vault", "pgp");
        assertThat(metadata.shamirThreshold()).isEqualTo(2);
    }

    @Test
    void weaklyTypedOldFieldsAreAccepted() {
        TreeBranch old = new TreeBranch()
                .add("pgp", List.of(new TreeBranch().add("created_at", "2016-01-01T00:00:00Z").add("enc", "x").add("fp", "AB")))
                .add("kms", null)
                .add("attention", "ignored")
                .add("lastmodified", "2016-01-01T00:00:00Z")
                .add("mac", "")
                .add("version", 1.13)
                .add("shamir_threshold", "2")
                .add("mac_only_encrypted", "true");

        Metadata metadata = codec.fromBranch(old);

        assertThat(metadata.version()).isEqualTo("1.13");
        assertThat(metadata.shamirThreshold()).isEqualTo(2);
        assertThat(metadata.macOnlyEncrypted()).isTrue();
        assertThat(metadata.rules().effective().unencryptedSuffix()).isEqualTo("_unencrypted");
    }

    @Test
    void invalidMetadataIsRejected() {
        TreeBranch noKeys = new TreeBranch().add("lastmodified", "2026-01-01T00:00:00Z").add("mac", "").add("version", "3.13.2");
        assertThatThrownBy(() -> codec.fromBranch(noKeys)).isInstanceOf(FormatException.class).hasMessageContaining("No keys found");
        TreeBranch badDate = new TreeBranch().add("lastmodified", "yesterday");
        assertThatThrownBy(() -> codec.fromBranch(badDate)).hasMessageContaining("RFC 3339");
        TreeBranch twoRules = new TreeBranch().add("lastmodified", "2026-01-01T00:00:00Z")
                .add("encrypted_regex", "a").add("unencrypted_suffix", "b");
        assertThatThrownBy(() -> codec.fromBranch(twoRules)).hasMessageContaining("more than one");
    }

}
