package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.MacMismatchException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any change to an encrypted file is rejected with upstream's exit code, and no plaintext escapes. */
class TamperingTest {

    @TempDir
    Path home;

    private String original() {
        return Conformance.readString(Conformance.vectors().resolve("vec_yaml.yaml"));
    }

    private SopsException decryptFails(String yaml) {
        Sops sops = Sops.builder().environment(TestKeys.age(home)).build();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> sops.decrypt(yaml.getBytes(StandardCharsets.UTF_8), Format.YAML));
        assertThat(thrown).isInstanceOf(SopsException.class);
        assertThat(thrown.getMessage()).doesNotContain("hello", "visible", "line1");
        return (SopsException) thrown;
    }

    @Test
    void untouchedFileDecrypts() {
        Sops sops = Sops.builder().environment(TestKeys.age(home)).build();
        assertThat(sops.decrypt(original().getBytes(StandardCharsets.UTF_8), Format.YAML).extract("[\"str\"]")).isEqualTo("hello");
    }

    @Test
    void changedDataIvOrTagIsRejected() {
        for (String part : new String[] {"data", "iv", "tag"}) {
            String tampered = changeFirstBase64Char(original(), "str: ENC[AES256_GCM,", part);
            SopsException e = decryptFails(tampered);
            assertThat(e.exitCode()).as(part).isEqualTo(ExitCode.ERROR_DECRYPTING_TREE);
            assertThat(e.keyPath()).isEqualTo("str");
        }
    }

    @Test
    void failureInANestedValueNamesItsWholeKeyPath() {
        String tampered = changeFirstBase64Char(original(), "x: ENC[AES256_GCM,", "tag");
        SopsException e = decryptFails(tampered);
        assertThat(e.exitCode()).isEqualTo(ExitCode.ERROR_DECRYPTING_TREE);
        assertThat(e.keyPath()).isEqualTo("nested:inner:x");
    }

    @Test
    void valuesSwappedBetweenKeysAreRejected() {
        String yaml = original();
        String str = valueOf(yaml, "str");
        String multi = valueOf(yaml, "multi");
        String swapped = yaml.replace("str: " + str, "str: " + multi).replace("multi: " + multi, "multi: " + str);
        assertThat(decryptFails(swapped).exitCode()).isEqualTo(ExitCode.ERROR_DECRYPTING_TREE);
    }

    @Test
    void reorderedListElementsFailTheMac() {
        String yaml = original();
        Matcher items = Pattern.compile("(    - ENC\\[[^\\n]*\\n)(    - ENC\\[[^\\n]*\\n)").matcher(yaml);
        assertThat(items.find()).isTrue();
        String swapped = yaml.substring(0, items.start()) + items.group(2) + items.group(1) + yaml.substring(items.end());
        assertThat(decryptFails(swapped)).isInstanceOf(MacMismatchException.class);
    }

    @Test
    void changedMacIsRejected() {
        String tampered = changeFirstBase64Char(original(), "mac: ENC[AES256_GCM,", "data");
        assertThat(decryptFails(tampered).exitCode()).isEqualTo(ExitCode.MAC_MISMATCH);
        String changedDate = original().replace("lastmodified: \"2026-01-01T00:00:00Z\"", "lastmodified: \"2026-01-01T00:00:01Z\"");
        assertThat(decryptFails(changedDate).exitCode()).isEqualTo(ExitCode.MAC_MISMATCH);
    }

    @Test
    void renamedKeyIsRejected() {
        String renamed = original().replace("\nstr: ENC", "\nstring: ENC");
        SopsException e = decryptFails(renamed);
        assertThat(e.exitCode()).isEqualTo(ExitCode.ERROR_DECRYPTING_TREE);
        assertThat(e.keyPath()).isEqualTo("string");
    }

    @Test
    void changedUnencryptedValueFailsTheMac() {
        String changed = original().replace("secret_unencrypted: visible", "secret_unencrypted: changed");
        assertThat(decryptFails(changed).exitCode()).isEqualTo(ExitCode.MAC_MISMATCH);
    }

    @Test
    void ignoredMacMismatchDecryptsAndIsReported() {
        String changed = original().replace("secret_unencrypted: visible", "secret_unencrypted: changed");
        List<String> warnings = new ArrayList<>();
        Sops sops = Sops.builder().environment(TestKeys.age(home)).ignoreMac(true).warnings(warnings::add).build();

        DecryptedFile file = sops.decrypt(changed.getBytes(StandardCharsets.UTF_8), Format.YAML);

        assertThat(file.extract("[\"secret_unencrypted\"]")).isEqualTo("changed");
        assertThat(warnings).singleElement().asString()
                .startsWith("MAC mismatch: the values do not match the file's MAC")
                .endsWith("(ignored: --ignore-mac)")
                .doesNotContain("hello", "visible", "changed");
        warnings.clear();
        sops.decrypt(original().getBytes(StandardCharsets.UTF_8), Format.YAML);
        assertThat(warnings).isEmpty();
    }

    @Test
    void wrongKeyGivesExit128() {
        Sops sops = Sops.builder().environment(TestKeys.age(home).with("SOPS_AGE_KEY",
                "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQSRSS6D")).build();
        byte[] file = original().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> sops.decrypt(file, Format.YAML))
                .isInstanceOf(DataKeyException.class)
                .satisfies(e -> assertThat(((SopsException) e).exitCode().code()).isEqualTo(128));
    }

    private static String valueOf(String yaml, String key) {
        Matcher m = Pattern.compile("\n" + key + ": (ENC\\[[^\\n]*)").matcher(yaml);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String changeFirstBase64Char(String yaml, String anchor, String part) {
        int at = yaml.indexOf(anchor);
        int start = yaml.indexOf(part + ":", at) + part.length() + 1;
        char c = yaml.charAt(start);
        return yaml.substring(0, start) + (c == 'A' ? 'B' : 'A') + yaml.substring(start + 1);
    }
}
