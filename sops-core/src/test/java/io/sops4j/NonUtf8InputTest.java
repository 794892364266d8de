package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.internal.crypto.TreeCipher;
import io.sops4j.internal.crypto.ValueCipher;
import io.sops4j.internal.format.Stores;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.testing.CountingIvSource;
import io.sops4j.testing.FakeKeySource;
import io.sops4j.tree.TreeBranch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not UTF-8 are kept where upstream keeps them (Go strings are bytes: dotenv, INI
 * and binary values) and refused where upstream would refuse or replace them (YAML, JSON); never
 * replaced by U+FFFD without a word.
 */
class NonUtf8InputTest {

    private static final FakeKeySource SOURCE = new FakeKeySource();
    private static final Pattern ENC = Pattern.compile("ENC\\[AES256_GCM,data:([^,]*),iv:([^,]*),tag:([^,]*),type:str\\]");

    private final Sops sops = Sops.builder().keySources(KeySources.of(SOURCE))
            .environment(KeyEnvironment.of(Map.of(), Path.of("/nonexistent"))).build();

    private byte[] encrypt(byte[] plaintext, Format format) {
        return sops.encrypt(plaintext, format, EncryptionOptions.withKeys(SOURCE.fromIdentifier("k")));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void dotenvKeepsTheBytesOfValues() {
        byte[] plain = latin1("A=caf\u00e9\n#note\nB=\u00ff\u00fe\\nx\u00e9\nC=plain\n");
        byte[] encrypted = encrypt(plain, Format.DOTENV);
        DecryptedFile file = sops.decrypt(encrypted, Format.DOTENV);
        assertThat(file.toBytes()).isEqualTo(plain);
        assertThat((byte[]) file.extract("[\"A\"]")).isEqualTo(latin1("caf\u00e9"));
        assertThat(file.extractBytes("[\"B\"]", Format.DOTENV))
                .isEqualTo(latin1("\u00ff\u00fe\nx\u00e9"));
        assertThat(sops.decrypt(sops.rotate(encrypted, Format.DOTENV), Format.DOTENV).toBytes()).isEqualTo(plain);
    }

    @Test
    void dotenvCiphertextAndMacAreOverTheRawBytesAsUpstreams() throws Exception {
        byte[] dataKey = new byte[32];
        Arrays.fill(dataKey, (byte) 7);
        List<TreeBranch> branches = Stores.of(Format.DOTENV).loadPlain(latin1("A=caf\u00e9\nB=ok\n"));
        String mac = new TreeCipher(new ValueCipher(dataKey, new CountingIvSource(1)), EncryptionRules.defaults(), false)
                .encrypt(branches);

        ByteArrayOutputStream hashed = new ByteArrayOutputStream();
        hashed.writeBytes(latin1("caf\u00e9"));
        hashed.writeBytes(latin1("ok"));
        assertThat(mac).isEqualTo(HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-512").digest(hashed.toByteArray())));

        Matcher enc = ENC.matcher((String) branches.get(0).get("A").orElseThrow());
        assertThat(enc.matches()).isTrue();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(enc.group(2))));
        gcm.updateAAD("A:".getBytes(StandardCharsets.UTF_8));
        byte[] data = Base64.getDecoder().decode(enc.group(1));
        byte[] tag = Base64.getDecoder().decode(enc.group(3));
        byte[] sealed = Arrays.copyOf(data, data.length + tag.length);
        System.arraycopy(tag, 0, sealed, data.length, tag.length);
        assertThat(gcm.doFinal(sealed)).isEqualTo(latin1("caf\u00e9"));
    }

    @Test
    void dotenvRefusesKeysAndCommentsThatAreNotUtf8() {
        assertThatThrownBy(() -> encrypt(latin1("X=1\nCAF\u00c9=x\n"), Format.DOTENV))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("line 2: the key is not valid UTF-8")
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.COULD_NOT_READ_INPUT_FILE);
        assertThatThrownBy(() -> encrypt(latin1("#caf\u00e9\n"), Format.DOTENV))
                .hasMessageContaining("line 1: the comment is not valid UTF-8");
    }

    @Test
    void iniKeepsTheBytesOfValues() {
        byte[] plain = latin1("[s]\na = caf\u00e9\nb = \u00e9t\u00e9 d\u00e9j\u00e0\n");
        DecryptedFile file = sops.decrypt(encrypt(plain, Format.INI), Format.INI);
        assertThat(file.toBytes()).isEqualTo(plain);
        assertThat((byte[]) file.extract("[\"s\"][\"a\"]")).isEqualTo(latin1("caf\u00e9"));
        assertThatThrownBy(() -> encrypt(latin1("[caf\u00e9]\na = 1\n"), Format.INI))
                .isInstanceOf(FormatException.class).hasMessageContaining("is not valid UTF-8");
    }

    @Test
    void binaryKeepsEveryByte() {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 7 + 3);
        }
        assertThat(sops.decrypt(encrypt(all, Format.BINARY), Format.BINARY).toBytes()).isEqualTo(all);
    }

    @Test
    void yamlThatIsNotUtf8IsRefusedWithExitCode2() {
        assertThatThrownBy(() -> encrypt(latin1("a: 1\nb: caf\u00e9 x\n"), Format.YAML))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("yaml: invalid trailing UTF-8 octet (line 2)")
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.COULD_NOT_READ_INPUT_FILE);
        assertThatThrownBy(() -> encrypt(latin1("b: \u00e9"), Format.YAML))
                .hasMessageContaining("yaml: incomplete UTF-8 octet sequence (line 1)");
        assertThatThrownBy(() -> encrypt(latin1("b: \u0080"), Format.YAML))
                .hasMessageContaining("yaml: invalid leading UTF-8 octet (line 1)");
        assertThatThrownBy(() -> encrypt(new byte[] {'b', ':', ' ', (byte) 0xC0, (byte) 0x80}, Format.YAML))
                .hasMessageContaining("yaml: invalid length of a UTF-8 sequence");
        assertThatThrownBy(() -> encrypt(new byte[] {'b', ':', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, Format.YAML))
                .hasMessageContaining("yaml: invalid Unicode character");
        assertThat(sops.decrypt(encrypt("b: caf\u00e9 \uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8), Format.YAML), Format.YAML)
                .extract("[\"b\"]")).isEqualTo("caf\u00e9 \uD83D\uDE00");
    }

    @Test
    void jsonThatIsNotUtf8IsRefusedRatherThanReplaced() {
        assertThatThrownBy(() -> encrypt(latin1("{\n\"a\": \"caf\u00e9\"}"), Format.JSON))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("invalid UTF-8 on line 2")
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.COULD_NOT_READ_INPUT_FILE);
        assertThat(sops.decrypt(encrypt("{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8), Format.JSON), Format.JSON)
                .extract("[\"a\"]")).isEqualTo("caf\u00e9");
    }

    @Test
    void bytesWrittenAsYamlAreBinaryAsYamlV3WritesThem() {
        byte[] plain = latin1("A=caf\u00e9\nB=" + "\u00e9".repeat(60) + "\n");
        DecryptedFile file = sops.decrypt(encrypt(plain, Format.DOTENV), Format.DOTENV);
        byte[] yaml = file.toBytes(Format.YAML);
        String base64 = Base64.getEncoder().encodeToString(latin1("\u00e9".repeat(60)));
        assertThat(new String(yaml, StandardCharsets.UTF_8)).isEqualTo("A: !!binary Y2Fm6Q==\nB: !!binary |\n    "
                + base64.substring(0, 70) + "\n    " + base64.substring(70) + "\n");
        DecryptedFile back = sops.decrypt(encrypt(yaml, Format.YAML), Format.YAML);
        assertThat(back.toBytes(Format.DOTENV)).isEqualTo(plain);
    }

    @Test
    void bytesAreNotWrittenAsJsonWhichWouldChangeThem() {
        DecryptedFile dotenv = sops.decrypt(encrypt(latin1("OK=fine\nA=caf\u00e9\n"), Format.DOTENV), Format.DOTENV);
        assertThatThrownBy(() -> dotenv.toBytes(Format.JSON))
                .isInstanceOf(SopsException.class)
                .hasMessageContaining("Error dumping file: Error marshaling to json")
                .hasMessageContaining("the value is not valid UTF-8")
                .hasMessageNotContaining("Y2Fm6Q")
                .satisfies(e -> assertThat(((SopsException) e).keyPath()).isEqualTo("A"))
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.ERROR_DUMPING_TREE);

        DecryptedFile ini = sops.decrypt(encrypt(latin1("[s]\na = caf\u00e9\n"), Format.INI), Format.INI);
        assertThatThrownBy(() -> ini.toBytes(Format.JSON))
                .satisfies(e -> assertThat(((SopsException) e).describe()).endsWith("(at key 's:a')"));
    }

    @Test
    void bytesLeftInClearAreNotEncryptedIntoJson() {
        byte[] plain = latin1("A=caf\u00e9\nB_unencrypted=caf\u00e9\n");
        assertThatThrownBy(() -> sops.encrypt(plain, Format.DOTENV, Format.JSON,
                EncryptionOptions.withKeys(SOURCE.fromIdentifier("k"))))
                .isInstanceOf(SopsException.class)
                .hasMessageContaining("Could not marshal tree: Error marshaling to json")
                .satisfies(e -> assertThat(((SopsException) e).keyPath()).isEqualTo("B_unencrypted"))
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.ERROR_DUMPING_TREE);

        byte[] encryptedJson = sops.encrypt(latin1("A=caf\u00e9\n"), Format.DOTENV, Format.JSON,
                EncryptionOptions.withKeys(SOURCE.fromIdentifier("k")));
        DecryptedFile file = sops.decrypt(encryptedJson, Format.JSON);
        assertThat((byte[]) file.extract("[\"A\"]")).isEqualTo(latin1("caf\u00e9"));
        assertThat(file.toBytes(Format.DOTENV)).isEqualTo(latin1("A=caf\u00e9\n"));
        assertThatThrownBy(file::toBytes).satisfies(e -> assertThat(((SopsException) e).keyPath()).isEqualTo("A"));
    }
}
