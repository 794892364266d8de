package io.sops4j.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.FormatException;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.TreeJson;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataFlatteningTest {

    static Stream<StoreCases> upstreamCases() {
        return StoreCases.of("flatten").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamCases")
    void upstreamCase(StoreCases c) {
        TreeBranch input = TreeJson.read(c.input()).get(0);
        String prefix = c.options().getOrDefault("prefix", "");
        Path errorFile = c.expected(".error.txt");
        java.util.function.Supplier<TreeBranch> run = switch (c.api()) {
            case "flatten" -> () -> MetadataFlattening.flatten(input, prefix);
            case "unflatten" -> () -> MetadataFlattening.unflatten(input, prefix);
            default -> throw new IllegalArgumentException(c.api());
        };
        if (errorFile != null) {
            assertThatThrownBy(run::get).isInstanceOf(FormatException.class)
                    .hasMessage(Conformance.readString(errorFile));
        } else {
            assertThat(run.get()).isEqualTo(TreeJson.read(c.expected(".tree.json")).get(0));
        }
    }

    @Test
    void listIndicesCountOnlyNonCommentElements() {
        List<Object> list = new ArrayList<>(List.of(Comment.of("c"), "a", Comment.of("d"), "b"));
        TreeBranch flat = MetadataFlattening.flatten(new TreeBranch().add(Comment.of("top"), null).add("k", list), "p_");
        assertThat(flat).isEqualTo(new TreeBranch().add("p_k__list_0", "a").add("p_k__list_1", "b"));
    }

    @Test
    void emptyContainersLeaveNoKeyAndScalarsKeepTheirType() {
        TreeBranch branch = new TreeBranch()
                .add("age", new ArrayList<>())
                .add("key_groups", new ArrayList<>(List.of(new TreeBranch().add("hc_vault", new ArrayList<>()).add("x", 1L))))
                .add("m", new TreeBranch())
                .add("mac_only_encrypted", true);
        assertThat(MetadataFlattening.flatten(branch, ""))
                .isEqualTo(new TreeBranch().add("key_groups__list_0__map_x", 1L).add("mac_only_encrypted", true));
    }

    @Test
    void unflattenStripsThePrefixAndSortsKeysInGoOrder() {
        TreeBranch flat = new TreeBranch()
                .add("sops_version", "3.13.2")
                .add("sops_pgp__list_1__map_fp", "B")
                .add("sops_pgp__list_0__map_fp", "A")
                .add("sops_\u00e9", "e-acute")
                .add("sops_\uD83D\uDE00", "emoji")
                .add("sops_\uFF21", "fullwidth")
                .add("sops_Z", "z");
        TreeBranch expected = new TreeBranch()
                .add("Z", "z")
                .add("pgp", List.of(new TreeBranch().add("fp", "A"), new TreeBranch().add("fp", "B")))
                .add("version", "3.13.2")
                .add("\u00e9", "e-acute")
                .add("\uFF21", "fullwidth")
                .add("\uD83D\uDE00", "emoji");
        assertThat(MetadataFlattening.unflatten(flat, "sops_")).isEqualTo(expected);
    }

    @Test
    void valueThenContainerAndMissingPrefixAreErrors() {
        TreeBranch containerFirst = new TreeBranch().add("a__map_b", "x").add("a", "y");
        assertThatThrownBy(() -> MetadataFlattening.unflatten(containerFirst, ""))
                .hasMessage("Error while unflattening: Type mismatch");
        TreeBranch mapThenList = new TreeBranch().add("a__map_b", "x").add("a__list_0", "y");
        assertThatThrownBy(() -> MetadataFlattening.unflatten(mapThenList, ""))
                .hasMessage("Error while unflattening: Type mismatch");
        assertThatThrownBy(() -> MetadataFlattening.unflatten(new TreeBranch().add("other", "x"), "sops_"))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> MetadataFlattening.unflatten(new TreeBranch().add("a__list_x", "x"), ""))
                .isInstanceOf(FormatException.class).hasMessageContaining("a__list_x");
    }

    @Test
    void flattenThenUnflattenRebuildsSortedMetadata() {
        TreeBranch metadata = new TreeBranch()
                .add("key_groups", List.of(
                        new TreeBranch().add("age", new ArrayList<>()).add("hc_vault", new ArrayList<>())
                                .add("pgp", List.of(new TreeBranch().add("created_at", "2026-01-01T00:00:00Z")
                                        .add("enc", "line1\nline2").add("fp", "F"))),
                        new TreeBranch().add("age", List.of(new TreeBranch().add("enc", "E").add("recipient", "R")))
                                .add("hc_vault", new ArrayList<>())))
                .add("kms", List.of(new TreeBranch().add("arn", "a").add("context", new TreeBranch().add("env", "prod"))))
                .add("lastmodified", "2026-01-01T00:00:00Z")
                .add("shamir_threshold", "2")
                .add("version", "3.13.2");
        TreeBranch withoutEmpty = new TreeBranch()
                .add("key_groups", List.of(
                        new TreeBranch().add("pgp", List.of(new TreeBranch().add("created_at", "2026-01-01T00:00:00Z")
                                .add("enc", "line1\nline2").add("fp", "F"))),
                        new TreeBranch().add("age", List.of(new TreeBranch().add("enc", "E").add("recipient", "R")))))
                .add("kms", List.of(new TreeBranch().add("arn", "a").add("context", new TreeBranch().add("env", "prod"))))
                .add("lastmodified", "2026-01-01T00:00:00Z")
                .add("shamir_threshold", "2")
                .add("version", "3.13.2");
        assertThat(MetadataFlattening.unflatten(MetadataFlattening.flatten(metadata, "sops_"), "sops_")).isEqualTo(withoutEmpty);
    }
}
