package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sops4j.error.DataKeyException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.keys.age.AgeMasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Three key groups with threshold 2: any two groups open the file, one alone fails cleanly. */
class ShamirKeyGroupsTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"YAML", "JSON", "DOTENV", "INI"})
    void anyTwoOfThreeGroupsDecrypt(Format format) {
        List<AgeKeys.KeyPair> pairs = List.of(AgeKeys.generateX25519(), AgeKeys.generateX25519(), AgeKeys.generateX25519());
        List<KeyGroup> groups = pairs.stream().map(p -> KeyGroup.of(AgeKeys.recipient(p.recipient()))).toList();
        byte[] plaintext = switch (format) {
            case INI -> "[db]\npassword = hunter2\n".getBytes(StandardCharsets.UTF_8);
            case DOTENV -> "PASSWORD=hunter2\n".getBytes(StandardCharsets.UTF_8);
            case JSON -> "{\"db\": {\"password\": \"hunter2\"}}".getBytes(StandardCharsets.UTF_8);
            default -> "db:\n    password: hunter2\n".getBytes(StandardCharsets.UTF_8);
        };
        byte[] encrypted = Sops.builder().environment(env()).build()
                .encrypt(plaintext, format, new EncryptionOptions(groups, 2, EncryptionRules.none(), false));
        assertThat(new String(encrypted, StandardCharsets.UTF_8)).contains("shamir_threshold").doesNotContain("hunter2");

        for (int[] pair : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            String identities = pairs.get(pair[0]).identity() + "\n" + pairs.get(pair[1]).identity();
            DecryptedFile file = Sops.builder().environment(env().with("SOPS_AGE_KEY", identities)).build().decrypt(encrypted, format);
            assertThat(new String(file.toBytes(), StandardCharsets.UTF_8)).contains("hunter2");
        }

        DataKeyException failure = catchThrowableOfType(DataKeyException.class, () -> Sops.builder()
                .environment(env().with("SOPS_AGE_KEY", pairs.get(1).identity())).build().decrypt(encrypted, format));
        assertThat(failure.exitCode().code()).isEqualTo(128);
        assertThat(failure.getMessage())
                .contains("Group 0: FAILED", "Group 1: SUCCESS", "Group 2: FAILED", "Shamir threshold of 2", "only 1 part(s)")
                .doesNotContain("AGE-SECRET-KEY", "hunter2");
    }

    private KeyEnvironment env() {
        return KeyEnvironment.of(Map.of(), home);
    }
}
