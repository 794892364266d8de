package io.sops4j.config;

import static io.sops4j.fuzz.Invariant.returnsOrFailsTyped;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sops4j.keys.KeySources;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/** {@code .sops.yaml}: parsing, store settings, and choosing and reading a creation rule. */
@Timeout(10)
class SopsConfigFuzzTest {

    private static final Path DIRECTORY = Path.of("/fuzz/project");
    private static final KeySources SOURCES = KeySources.installed();

    static {
        // loads the YAML parser and the key sources before the first input's time limit starts
        SopsConfig.parse("creation_rules:\n  - path_regex: x\n    age: age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev\n",
                DIRECTORY.resolve(SopsConfig.FILE_NAME)).ruleFor(DIRECTORY.resolve("x"), SOURCES);
    }

    @FuzzTest
    void configuration(FuzzedDataProvider data) {
        String name = data.consumeAsciiString(24).replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = DIRECTORY.resolve("secrets").resolve(name.isEmpty() ? "s.yaml" : name);
        String text = data.consumeRemainingAsString();
        returnsOrFailsTyped(() -> {
            SopsConfig config = SopsConfig.parse(text, DIRECTORY.resolve(SopsConfig.FILE_NAME));
            config.storeOptions();
            config.hasPathRuleFor(target);
            if (config.hasCreationRules()) {
                config.ruleFor(target, SOURCES).toEncryptionOptions();
            }
        });
    }
}
