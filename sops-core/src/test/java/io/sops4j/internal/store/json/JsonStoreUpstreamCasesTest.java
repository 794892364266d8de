package io.sops4j.internal.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.FormatException;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.TreeJson;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonStoreUpstreamCasesTest {

    static List<StoreCase> cases() {
        return StoreCase.load("json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void upstreamCase(StoreCase c) {
        JsonStore store = new JsonStore(c.indent());
        String treeFile = c.expectedWithSuffix(".tree.json");
        String outFile = c.expectedWithSuffix(".out.json");
        String errorFile = c.expectedWithSuffix(".error.txt");
        switch (c.api()) {
            case "decode", "decode+encode", "LoadPlainFile" -> {
                byte[] input = Conformance.read(c.inputFile());
                if (errorFile != null) {
                    assertThatThrownBy(() -> store.loadPlain(input))
                            .isInstanceOf(FormatException.class)
                            .satisfies(e -> assertThat(e.getMessage().replaceFirst(" \\(line [0-9]+\\)$", ""))
                                    .isEqualTo("Could not unmarshal input data: " + withoutValue(
                                            Conformance.readString(c.file(errorFile)))));
                    return;
                }
                List<TreeBranch> loaded = store.loadPlain(input);
                assertThat(loaded).hasSize(1);
                if (c.options().getOrDefault("note", "").contains("must decode to an integer")) {
                    assertThat(loaded.get(0).items()).allSatisfy(item -> assertThat(item.value()).isInstanceOf(Long.class));
                }
                if (treeFile != null) {
                    assertThat(loaded).isEqualTo(TreeJson.read(c.file(treeFile)));
                }
                if (outFile != null) {
                    assertThat(new String(store.emitPlain(loaded), StandardCharsets.UTF_8))
                            .isEqualTo(Conformance.readString(c.file(outFile)) + "\n");
                }
            }
            case "EmitPlainFile" -> {
                List<TreeBranch> tree = TreeJson.read(c.inputFile());
                assertThat(store.emitPlain(tree)).isEqualTo(Conformance.read(c.file(outFile)));
            }
            case "LoadEncryptedFile" -> {
                byte[] input = Conformance.read(c.inputFile());
                assertThatThrownBy(() -> store.loadEncrypted(input))
                        .isInstanceOf(FormatException.class)
                        .hasMessage(Conformance.readString(c.file(errorFile)));
            }
            default -> throw new AssertionError("unknown api " + c.api());
        }
    }

    /** Upstream's words with the value it quotes ({@code Got 42 of type int}) left out, as sops4j writes them. */
    private static String withoutValue(String upstreamError) {
        return upstreamError.replaceFirst("Got (?!<nil>).+ of type (\\S+) instead", "Got a value of type $1 instead");
    }
}
