package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Settings of a new file that upstream accepts as they are (a negative threshold) or that cannot
 * work (no keys, an invalid regex): the same outcome as upstream, or a refusal before anything is
 * encrypted where upstream would write the secrets in clear.
 */
class NewFileSettingsTest {

    private static final byte[] PLAINTEXT = "password: hunter2\nuser: admin\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private final AgeKeys.KeyPair pair = AgeKeys.generateX25519();

    private Sops sops() {
        return Sops.builder().environment(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", pair.identity()), home)).build();
    }

    private KeyGroup group() {
        return KeyGroup.of(AgeKeys.recipient(pair.recipient()));
    }

    @Test
    void negativeThresholdWithOneGroupIsStoredAndIgnoredAsUpstream() {
        byte[] encrypted = sops().encrypt(PLAINTEXT, Format.YAML, new EncryptionOptions(List.of(group()), -3,
                EncryptionRules.none(), false));

        assertThat(new String(encrypted, StandardCharsets.UTF_8)).contains("    shamir_threshold: -3\n");
        assertThat(sops().decrypt(encrypted, Format.YAML).toBytes()).isEqualTo(PLAINTEXT);
    }

    @Test
    void negativeThresholdWithSeveralGroupsCannotSplitTheKey() {
        SopsException failure = catchThrowableOfType(SopsException.class, () -> sops().encrypt(PLAINTEXT, Format.YAML,
                new EncryptionOptions(List.of(group(), group()), -3, EncryptionRules.none(), false)));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.GENERIC);
        assertThat(failure.getMessage()).isEqualTo(
                "Could not generate data key: [could not split data key into parts for Shamir: threshold must be at least 2]");
    }

    @Test
    void missingOrEmptyKeyGroupsFailInUpstreamWordsWithoutNamingTheFile() throws IOException {
        Path file = Files.write(home.resolve("secrets.yaml"), PLAINTEXT);

        SopsException none = catchThrowableOfType(SopsException.class, () -> sops().encrypt(file,
                new EncryptionOptions(List.of(), 0, EncryptionRules.none(), false)));
        SopsException empty = catchThrowableOfType(SopsException.class, () -> sops().encrypt(file,
                new EncryptionOptions(List.of(new KeyGroup(List.of())), 0, EncryptionRules.none(), false)));

        assertThat(none.describe()).isEqualTo("Could not generate data key: [no key groups provided]");
        assertThat(empty.describe()).isEqualTo("Could not generate data key: [empty key group provided]");
        assertThat(empty.exitCode()).isEqualTo(ExitCode.GENERIC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "encrypted_regex|(|missing closing ): `(`",
        "unencrypted_regex|[a|missing closing ]: `[a`",
        "encrypted_comment_regex|(?=x)|invalid or unsupported Perl syntax: `(?=`",
        "unencrypted_comment_regex|\\1|invalid escape sequence: `\\1`",
    })
    void invalidRegexIsRefusedBeforeAnythingIsEncrypted(String field, String regex, String problem) {
        EncryptionRules rules = switch (field) {
            case "encrypted_regex" -> EncryptionRules.none().withEncryptedRegex(regex);
            case "unencrypted_regex" -> EncryptionRules.none().withUnencryptedRegex(regex);
            case "encrypted_comment_regex" -> EncryptionRules.none().withEncryptedCommentRegex(regex);
            default -> EncryptionRules.none().withUnencryptedCommentRegex(regex);
        };

        SopsException failure = catchThrowableOfType(SopsException.class, () -> sops().encrypt(PLAINTEXT, Format.YAML,
                new EncryptionOptions(List.of(group()), 0, rules, false)));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.GENERIC);
        assertThat(failure.getMessage()).isEqualTo("invalid " + field + ": error parsing regexp: " + problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"^(?P<name>pass)", "(?i)PASSWORD", "[[:alpha:]]+word$", "\\pL+word"})
    void goRegexSyntaxIsAccepted(String regex) {
        byte[] encrypted = sops().encrypt(PLAINTEXT, Format.YAML, new EncryptionOptions(List.of(group()), 0,
                EncryptionRules.none().withEncryptedRegex(regex), false));

        String text = new String(encrypted, StandardCharsets.UTF_8);
        assertThat(text).contains("user: admin").doesNotContain("hunter2").contains("password: ENC[");
    }
}
