package io.sops4j.internal.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.testing.Conformance;
import io.sops4j.tree.TreeBranch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonStoreVectorsTest {

    private final JsonStore store = new JsonStore(-1);

    @ParameterizedTest
    @ValueSource(strings = {"vec_json.json", "vec_shamir.json"})
    void encryptedVectorRoundTripsByteForByte(String name) {
        byte[] file = Conformance.read(Conformance.vectors().resolve(name));

        EncryptedDocument document = store.loadEncrypted(file);

        assertThat(document.branches()).hasSize(1);
        assertThat(store.hasSopsTopLevelKey(document.branches().get(0))).isFalse();
        assertThat(document.metadata().get("version")).contains("3.13.2");
        assertThat(store.emitEncrypted(document.branches(), document.metadata())).isEqualTo(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vec_json.json.decrypted", "vec_shamir.json.decrypted"})
    void decryptedVectorRoundTripsByteForByte(String name) {
        byte[] file = Conformance.read(Conformance.vectors().resolve(name));

        assertThat(store.emitPlain(store.loadPlain(file))).isEqualTo(file);
    }

    @Test
    void plainVectorIsWrittenAsUpstreamWroteItsDecryption() {
        Path vectors = Conformance.vectors();
        List<TreeBranch> plain = store.loadPlain(Conformance.read(vectors.resolve("vec_json.json.plain")));

        TreeBranch branch = plain.get(0);
        assertThat(branch.get("big")).contains(1234567890123456789L);
        assertThat(branch.get("float")).contains(1.5);
        assertThat(branch.get("exp")).contains(1000.0);
        assertThat(branch.get("nothing")).isEmpty();
        assertThat(branch.containsKey("nothing")).isTrue();
        assertThat(store.emitPlain(plain)).isEqualTo(Conformance.read(vectors.resolve("vec_json.json.decrypted")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.json", "example.txt", "functional-tests/res/format.enc.json"})
    void upstreamRepositoryFilesLoadWithTheirMetadata(String name) {
        byte[] file = Conformance.read(Conformance.upstreamSops().resolve(name));

        EncryptedDocument document = store.loadEncrypted(file);

        TreeBranch metadata = document.metadata();
        assertThat(metadata.get("mac")).hasValueSatisfying(mac -> assertThat((String) mac).startsWith("ENC[AES256_GCM,"));
        assertThat(metadata.get("lastmodified")).isPresent();
        assertThat(document.branches().get(0).containsKey("sops")).isFalse();
        assertThat(document.branches().get(0).isEmpty()).isFalse();
    }

    @Test
    void oldMetadataWithNullKeyListsLoads() {
        TreeBranch metadata = store.loadEncrypted(Conformance.read(Conformance.upstreamSops().resolve("example.json"))).metadata();

        assertThat(metadata.containsKey("kms")).isTrue();
        assertThat(metadata.get("kms")).isEmpty();
        assertThat(metadata.get("pgp")).hasValueSatisfying(pgp -> assertThat((List<?>) pgp).isNotEmpty());
    }

    @Test
    void fileWrittenByCurrentUpstreamRoundTripsByteForByte() {
        byte[] file = Conformance.read(Conformance.upstreamSops().resolve("functional-tests/res/format.enc.json"));

        EncryptedDocument document = store.loadEncrypted(file);

        assertThat(store.emitEncrypted(document.branches(), document.metadata())).isEqualTo(file);
    }
}
