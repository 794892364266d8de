package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.config.SopsConfig;
import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.testing.FakeKeySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Documents built to exhaust time, memory or stack fail at once with a typed error, as with yaml.v3. */
@Timeout(120)
class HostileDocumentTest {

    private static final FakeKeySource SOURCE = new FakeKeySource();
    private static final String BOMB = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
            + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
            + "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
            + "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
            + "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

    @TempDir
    Path directory;

    private final Sops sops = Sops.builder().keySources(KeySources.of(SOURCE))
            .environment(KeyEnvironment.of(Map.of(), Path.of("/nonexistent"))).build();

    private byte[] encrypt(String text, Format format) {
        return sops.encrypt(bytes(text), format, EncryptionOptions.withKeys(SOURCE.fromIdentifier("k")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String flowNested(int levels) {
        return "a: " + "[".repeat(levels - 1) + "x" + "]".repeat(levels - 1) + "\n";
    }

    private static String jsonNested(int levels) {
        return "{\"a\": " + "[".repeat(levels - 1) + "1" + "]".repeat(levels - 1) + "}";
    }

    private static String blockNested(int levels) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < levels - 1; i++) {
            text.append(" ".repeat(i)).append("k:\n");
        }
        return text.append(" ".repeat(levels - 1)).append("v: x\n").toString();
    }

    @Test
    void aliasBombInAPlainFileFailsAtOnce() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> encrypt(BOMB, Format.YAML))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("yaml: document contains excessive aliasing")
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.COULD_NOT_READ_INPUT_FILE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aliasBombInAnEncryptedFileFailsAtOnce() {
        String encrypted = new String(encrypt("secret: x\n", Format.YAML), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> sops.decrypt(bytes(BOMB + encrypted), Format.YAML))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("yaml: document contains excessive aliasing");
    }

    @Test
    void aliasBombInALaterDocumentFails() {
        assertThatThrownBy(() -> encrypt("x: 1\n---\n" + BOMB, Format.YAML))
                .hasMessageContaining("yaml: document contains excessive aliasing");
    }

    @Test
    void aliasesWithinYamlV3sBudgetAreExpanded() {
        String text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
        DecryptedFile file = sops.decrypt(encrypt(text, Format.YAML), Format.YAML);
        assertThat((List<?>) file.toMap().get("b")).hasSize(10).allSatisfy(list -> assertThat((List<?>) list).hasSize(10));
    }

    @Test
    void anAnchorContainingItselfIsRejected() {
        assertThatThrownBy(() -> encrypt("a: &x [1, *x]\n", Format.YAML))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("anchor 'x' value contains itself");
    }

    @Test
    void aliasBombInTheConfigurationFails() throws IOException {
        Path config = Files.writeString(directory.resolve(".sops.yaml"), "creation_rules:\n  - age: x\n" + BOMB);
        assertThatThrownBy(() -> SopsConfig.load(config)).isInstanceOf(SopsException.class)
                .hasMessageContaining("Error unmarshalling config file");
    }

    @Test
    void yamlAndJsonNestedToTheLimitRoundTrip() {
        DecryptedFile flow = sops.decrypt(encrypt(flowNested(10_000), Format.YAML), Format.YAML);
        assertThat(flow.extract("[\"a\"][0][0][0]")).isInstanceOf(List.class);
        DecryptedFile block = sops.decrypt(encrypt(blockNested(2_500), Format.YAML), Format.YAML);
        assertThat(sops.decrypt(sops.reencrypt(block, Format.YAML), Format.YAML).toBytes()).isEqualTo(block.toBytes());
        DecryptedFile json = sops.decrypt(encrypt(jsonNested(10_000), Format.JSON), Format.JSON);
        assertThat(json.toMap()).containsKey("a");
    }

    @Test
    void nestingBeyondTheLimitFailsCleanly() {
        assertThatThrownBy(() -> encrypt(flowNested(10_001), Format.YAML))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("exceeded max depth of 10000")
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.COULD_NOT_READ_INPUT_FILE);
        assertThatThrownBy(() -> encrypt(jsonNested(10_001), Format.JSON))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("exceeded max depth");
        assertThatThrownBy(() -> sops.decrypt(bytes(jsonNested(10_001)), Format.JSON))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("exceeded max depth");
        assertThatThrownBy(() -> sops.decrypt(bytes(flowNested(10_001)), Format.YAML))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("exceeded max depth of 10000");
    }

    @Test
    void deepConfigurationsLoadOrFailCleanly() throws IOException {
        String deep = "stores:\n  x: " + "[".repeat(9_000) + "1" + "]".repeat(9_000) + "\ncreation_rules:\n  - age: x\n";
        assertThat(SopsConfig.load(Files.writeString(directory.resolve(".sops.yaml"), deep)).hasCreationRules()).isTrue();
        String tooDeep = "x: " + "[".repeat(10_001) + "1" + "]".repeat(10_001) + "\n";
        Path config = Files.writeString(directory.resolve(".sops.yaml"), tooDeep);
        assertThatThrownBy(() -> SopsConfig.load(config)).isInstanceOf(SopsException.class)
                .hasMessageContaining("exceeded max depth of 10000");
    }

    @Test
    void deepWalksRunOnTheirOwnStackWhateverTheCallersStack() throws InterruptedException {
        byte[] encrypted = encrypt(flowNested(10_000), Format.YAML);
        Object[] outcome = new Object[1];
        Thread small = new Thread(null, () -> {
            try {
                outcome[0] = sops.decrypt(encrypted, Format.YAML).toMap().keySet();
            } catch (Throwable t) {
                outcome[0] = t;
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(outcome[0]).isEqualTo(java.util.Set.of("a"));
    }

    @Test
    void deepFilesAreEditedWhateverTheCallersStack() throws InterruptedException {
        DecryptedFile file = sops.decrypt(encrypt(flowNested(10_000), Format.YAML), Format.YAML);
        Object[] outcome = new Object[1];
        Thread small = new Thread(null, () -> {
            try {
                byte[] text = sops.editableText(file, Format.YAML, false);
                byte[] changed = new String(text, StandardCharsets.UTF_8).replace("x", "y").getBytes(StandardCharsets.UTF_8);
                outcome[0] = sops.applyEdit(file, changed, Format.YAML, false).extract("[\"a\"]" + "[0]".repeat(9_998));
            } catch (Throwable t) {
                outcome[0] = t;
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(outcome[0]).isEqualTo(List.of("y"));
    }

    @Test
    void aLongOneLineValueIsReadInLinearTime() {
        String value = "x".repeat(5_000_000);
        long start = System.nanoTime();
        DecryptedFile file = sops.decrypt(encrypt("k: " + value + "\n", Format.YAML), Format.YAML);
        assertThat(file.extract("[\"k\"]")).isEqualTo(value);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aSimpleKeyLongerThan1024CharactersIsRejectedInLinearTime() {
        assertThat(sops.decrypt(encrypt("\"" + "k".repeat(1022) + "\": v\n", Format.YAML), Format.YAML).toMap())
                .containsKey("k".repeat(1022));
        assertThatThrownBy(() -> encrypt("\"" + "k".repeat(1023) + "\": v\n", Format.YAML))
                .hasMessageContaining("mapping values are not allowed here");
        long start = System.nanoTime();
        assertThatThrownBy(() -> encrypt("\"" + "k".repeat(10_000_000) + "\": v\n", Format.YAML))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("mapping values are not allowed here (line 1, column 10000003)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
