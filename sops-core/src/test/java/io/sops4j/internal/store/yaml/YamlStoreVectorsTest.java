package io.sops4j.internal.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.testing.Conformance;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte-exact round trips of the files upstream sops 3.13.2 wrote. */
class YamlStoreVectorsTest {

    private final YamlStore store = new YamlStore(0);

    @ParameterizedTest
    @ValueSource(strings = {"vec_yaml.yaml", "vec_shamir.yaml", "vec_k8s.yaml"})
    void encryptedFileRoundTrips(String name) {
        byte[] file = Conformance.read(Conformance.vectors().resolve(name));
        EncryptedDocument document = store.loadEncrypted(file);
        assertThat(document.metadata().containsKey("version")).isTrue();
        for (TreeBranch branch : document.branches()) {
            assertThat(store.hasSopsTopLevelKey(branch)).isFalse();
        }
        String emitted = new String(store.emitEncrypted(document.branches(), document.metadata()), StandardCharsets.UTF_8);
        assertThat(emitted).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vec_yaml.yaml.decrypted", "vec_shamir.yaml.decrypted", "vec_k8s.yaml.decrypted"})
    void decryptedFileRoundTrips(String name) {
        byte[] file = Conformance.read(Conformance.vectors().resolve(name));
        String emitted = new String(store.emitPlain(store.loadPlain(file)), StandardCharsets.UTF_8);
        assertThat(emitted).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void plainVectorHasGoTypes() {
        List<TreeBranch> branches = store.loadPlain(Conformance.read(Conformance.vectors().resolve("vec_yaml.yaml.plain")));
        assertThat(branches).hasSize(2);
        TreeBranch first = branches.get(0);
        assertThat(first.items().get(0).key()).isEqualTo(new Comment(" top comment", false));
        assertThat(first.get("str")).contains("hello");
        assertThat(first.get("int")).contains(42L);
        assertThat(first.get("float")).contains(1.5);
        assertThat(first.get("bool")).contains(true);
        assertThat(first.get("date")).contains(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(first.containsKey("nothing")).isTrue();
        assertThat(first.get("nothing")).isEmpty();
        assertThat(first.get("empty")).contains("");
        assertThat(first.get("quoted_num")).contains("5");
        assertThat(first.get("multi")).contains("line1\nline2\n");
        assertThat(first.get("list")).contains(List.of("a", 1L, false));
        TreeBranch nested = (TreeBranch) first.get("nested").orElseThrow();
        assertThat(nested.items().get(0).key()).isEqualTo(new Comment(" nested comment", false));
        TreeBranch inner = (TreeBranch) nested.get("inner").orElseThrow();
        assertThat(inner.items()).containsExactly(TreeItem.comment(new Comment(" inline comment", true)),
                new TreeItem("x", "y"));
        assertThat(branches.get(1).get("second")).contains("document");
    }

    @Test
    void plainVectorsEmitLikeUpstreamAfterDecryption() {
        for (String name : List.of("vec_k8s.yaml", "vec_shamir.yaml")) {
            Path plain = Conformance.vectors().resolve(name + ".plain");
            String emitted = new String(store.emitPlain(store.loadPlain(Conformance.read(plain))), StandardCharsets.UTF_8);
            assertThat(emitted).isEqualTo(Conformance.readString(Conformance.vectors().resolve(name + ".decrypted")));
        }
    }

    static Stream<String> upstreamFiles() {
        return Stream.of("example.yaml", "functional-tests/res/comments.enc.yaml", "functional-tests/res/comments.yaml",
                "functional-tests/res/comments_list.yaml", "functional-tests/res/comments_unencrypted_comments.yaml",
                "functional-tests/res/format.enc.yaml", "functional-tests/res/multiple_keys.yaml",
                "functional-tests/res/no_mac.yaml", "functional-tests/res/plainfile.yaml");
    }

    @ParameterizedTest
    @MethodSource("upstreamFiles")
    void upstreamFilesLoad(String name) {
        byte[] file = Conformance.read(Conformance.upstreamSops().resolve(name));
        List<TreeBranch> plain = store.loadPlain(file);
        assertThat(plain).isNotEmpty();
        if (plain.get(0).containsKey("sops")) {
            EncryptedDocument document = store.loadEncrypted(file);
            assertThat(document.metadata().containsKey("version") || document.metadata().containsKey("lastmodified")).isTrue();
            assertThat(document.branches().get(0).containsKey("sops")).isFalse();
        }
    }
}
