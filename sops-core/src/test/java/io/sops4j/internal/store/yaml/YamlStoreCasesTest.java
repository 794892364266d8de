package io.sops4j.internal.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.TreeJson;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of upstream's {@code stores/yaml/store_test.go}. */
class YamlStoreCasesTest {

    static Stream<Arguments> cases() throws Exception {
        Path dir = Conformance.storeCases().resolve("yaml");
        List<String> lines = Files.readAllLines(dir.resolve("cases.tsv"));
        List<Arguments> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            cases.add(Arguments.of(columns[0], columns[1], columns[2], columns[3]));
        }
        assertThat(cases).hasSize(16);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void upstreamCase(String name, String input, String expected, String options) {
        Path dir = Conformance.storeCases().resolve("yaml");
        byte[] in = Conformance.read(dir.resolve(input));
        String api = option(options, "api");
        String indent = option(options, "indent");
        YamlStore loader = new YamlStore(0);
        YamlStore emitter = new YamlStore(indent == null ? 0 : Integer.parseInt(indent));
        List<String> expectations = List.of(expected.split(","));
        String error = expectations.stream().filter(e -> e.endsWith(".error.txt")).findFirst().orElse(null);
        if (error != null) {
            String message = Conformance.readString(dir.resolve(error));
            if (api.equals("LoadEncryptedFile")) {
                assertThatThrownBy(() -> loader.loadEncrypted(in)).isInstanceOf(FormatException.class).hasMessage(message)
                        .satisfies(e -> assertThat(((FormatException) e).exitCode()).isEqualTo(ExitCode.GENERIC));
            } else {
                assertThatThrownBy(() -> loader.loadPlain(in)).isInstanceOf(FormatException.class).hasMessage(message);
            }
            return;
        }
        List<TreeBranch> loaded = loader.loadPlain(in);
        for (String expectation : expectations) {
            if (expectation.endsWith(".tree.json")) {
                assertThat(withoutInlineFlags(loaded)).isEqualTo(TreeJson.read(dir.resolve(expectation)));
            } else if (expectation.endsWith(".out.yaml")) {
                String out = new String(emitter.emitPlain(loaded), StandardCharsets.UTF_8);
                assertThat(out).isEqualTo(Conformance.readString(dir.resolve(expectation)));
            }
        }
    }

    private static String option(String options, String key) {
        for (String item : options.split(";")) {
            if (item.startsWith(key + "=")) {
                return item.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** tree.json has no inline flag; upstream's cases with a tree have no inline comments. */
    private static List<TreeBranch> withoutInlineFlags(List<TreeBranch> branches) {
        for (TreeBranch branch : branches) {
            for (TreeItem item : branch) {
                assertThat(item.key() instanceof Comment c && c.inline()).isFalse();
            }
        }
        return branches;
    }
}
