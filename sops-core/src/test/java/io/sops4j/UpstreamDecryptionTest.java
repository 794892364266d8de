package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.MacMismatchException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.internal.format.Stores;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written by upstream sops decrypt here to exactly upstream's plaintext. */
class UpstreamDecryptionTest {

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vec_yaml.yaml", "vec_json.json", "vec_k8s.yaml", "vec_shamir.yaml", "vec_shamir.json",
            "vec_ini.ini", "vec_dotenv.env", "vec_k8s.env", "vec_shamir.ini", "vec_shamir.env", "vec_binary.bin"})
    void vectorsDecryptToUpstreamOutput(String name) {
        Path file = Conformance.vectors().resolve(name);
        KeyEnvironment environment = name.startsWith("vec_shamir") || name.startsWith("vec_k8s")
                ? TestKeys.pgp(home).with("SOPS_AGE_KEY", TestKeys.AGE_IDENTITY)
                : TestKeys.age(home);
        DecryptedFile decrypted = Sops.builder().environment(environment).build().decrypt(file);

        assertThat(text(decrypted.toBytes())).isEqualTo(Conformance.readString(Conformance.vectors().resolve(name + ".decrypted")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            functional-tests/res/format.enc.yaml  | 'foo: bar\\n'
            functional-tests/res/format.enc.json  | '{\\n\\t"foo": "bar"\\n}\\n'
            functional-tests/res/format.enc.env   | 'foo = bar\\n'
            functional-tests/res/format.enc.ini   | '[foo]\\nbar = baz\\n'
            functional-tests/res/format-2.enc.ini | '[foo]\\nbar = baz\\n'
            """)
    void upstreamFunctionalTestFilesDecrypt(String name, String expected) {
        DecryptedFile decrypted = sopsWithPgp().decrypt(Conformance.upstreamSops().resolve(name));

        assertThat(text(decrypted.toBytes())).isEqualTo(expected.replace("\\n", "\n").replace("\\t", "\t"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example.yaml", "example.json", "example.ini", "example.txt",
            "functional-tests/res/multiple_keys.yaml", "functional-tests/res/comments_unencrypted_comments.yaml"})
    void upstreamExamplesDecryptWithVerifiedMac(String name) {
        DecryptedFile decrypted = sopsWithPgp().decrypt(Conformance.upstreamSops().resolve(name));

        assertThat(decrypted.toBytes()).isNotEmpty();
        assertThat(text(decrypted.toBytes())).doesNotContain("ENC[AES256_GCM");
    }

    @Test
    void exampleYamlHoldsUpstreamsValues() {
        DecryptedFile decrypted = sopsWithPgp().decrypt(Conformance.upstreamSops().resolve("example.yaml"));

        assertThat(decrypted.extract("[\"number\"]")).isEqualTo(1234568000.0);
        assertThat(decrypted.toMap()).containsEntry("myapp1", "t00m4nys3cr3tzupdated").containsKey("somelist_unencrypted");
    }

    @Test
    void encryptedCommentsDecryptToTheOriginalPlaintext() {
        Path res = Conformance.upstreamSops().resolve("functional-tests/res");
        DecryptedFile decrypted = sopsWithPgp().decrypt(res.resolve("comments.enc.yaml"));
        byte[] original = Stores.of(Format.YAML).emitPlain(Stores.of(Format.YAML).loadPlain(Conformance.read(res.resolve("comments.yaml"))));

        assertThat(text(decrypted.toBytes())).isEqualTo(text(original));
    }

    @Test
    void fileWithoutMacFailsUnlessMacCheckIsOff() {
        Path file = Conformance.upstreamSops().resolve("functional-tests/res/no_mac.yaml");
        KeyEnvironment environment = TestKeys.pgp(home);

        assertThatThrownBy(() -> Sops.builder().environment(environment).build().decrypt(file))
                .isInstanceOf(MacMismatchException.class)
                .satisfies(e -> assertThat(((SopsException) e).exitCode().code()).isEqualTo(51));
        assertThat(Sops.builder().environment(environment).ignoreMac(true).build().decrypt(file).toBytes()).isNotEmpty();
    }

    private Sops sopsWithPgp() {
        return Sops.builder().environment(TestKeys.pgp(home)).build();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
