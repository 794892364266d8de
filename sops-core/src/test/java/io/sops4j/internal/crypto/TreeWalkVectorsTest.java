package io.sops4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.metadata.EncryptionRules;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.CountingIvSource;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reproduces every rule variant of {@code tree_walk_vectors.txt}: ciphertexts, MAC and the round trip. */
class TreeWalkVectorsTest {

    static final byte[] DATA_KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final String LAST_MODIFIED = "2026-01-01T00:00:00Z";

    static List<Arguments> cases() {
        TreeBranch a = new TreeBranch()
                .add(Comment.of(" top comment"), null)
                .add("str", "hello").add("int", 42L).add("float", 1.5).add("bool", true).add("empty", "")
                .add("null", null).add("time", OffsetDateTime.parse("2024-01-01T00:00:00Z"))
                .add("list", new ArrayList<>(List.of("a", 1L, Comment.of(" in list"), false)))
                .add("nested", new TreeBranch().add("inner", new TreeBranch().add("x", "y")).add(Comment.of(" nested comment"), null))
                .add("secret_unencrypted", "visible")
                .add("parent_unencrypted", new TreeBranch().add("child", "also visible"));
        TreeBranch b = new TreeBranch().add("apiVersion", "v1").add(Comment.of(" a comment"), null)
                .add("data", new TreeBranch().add("k", "v"))
                .add("stringData", new TreeBranch().add("a", new ArrayList<>(List.of("b"))));
        TreeBranch c = new TreeBranch().add("a", "plain").add("b_enc", "s").add("c_enc", new TreeBranch().add("d", 1L));
        TreeBranch d = new TreeBranch().add("before", "b").add(Comment.of(" sops:enc"), null)
                .add(Comment.of(" second comment"), null).add("pw", "x").add("other", "y")
                .add(Comment.of(" sops:enc"), null)
                .add("grp", new TreeBranch().add("k1", "v1").add("k2", "v2"));
        TreeBranch e = new TreeBranch().add(Comment.of(" sops:noenc"), null).add(Comment.of(" follows marker"), null)
                .add("pw", "x").add("other", "y").add(Comment.of(" plain comment"), null);
        TreeBranch f = new TreeBranch().add("public_key", "p").add("private", "q")
                .add("publicity", new TreeBranch().add("deep", "r"));
        EncryptionRules none = EncryptionRules.none();
        return List.of(
                Arguments.of("A", a, none, false, 1),
                Arguments.of("B", b, none.withEncryptedRegex("^(data|stringData)$"), false, 14),
                Arguments.of("C ", c, none.withEncryptedSuffix("_enc"), true, 17),
                Arguments.of("C2", c.deepCopy(), none.withEncryptedSuffix("_enc"), false, 20),
                Arguments.of("D", d, none.withEncryptedCommentRegex("sops:enc"), false, 23),
                Arguments.of("E", e, none.withUnencryptedCommentRegex("sops:noenc"), false, 28),
                Arguments.of("F", f, none.withUnencryptedRegex("^public"), false, 31));
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void reproducesUpstreamTreeWalk(String name, TreeBranch plaintext, EncryptionRules rules, boolean macOnlyEncrypted, int firstIv) {
        Expected expected = Expected.of(Conformance.readString(Conformance.vectors().resolve("tree_walk_vectors.txt")), name);
        TreeBranch tree = plaintext.deepCopy();
        TreeCipher cipher = new TreeCipher(new ValueCipher(DATA_KEY, new CountingIvSource(firstIv)), rules, macOnlyEncrypted);

        String mac = cipher.encrypt(List.of(tree));

        assertThat(mac).isEqualTo(expected.mac);
        assertThat(cipher.encryptMac(mac, LAST_MODIFIED)).isEqualTo(expected.encryptedMac);
        assertThat(dump(tree, "    ")).isEqualTo(expected.tree);

        TreeCipher decryptor = new TreeCipher(new ValueCipher(DATA_KEY, IvSource.random()), rules, macOnlyEncrypted);
        assertThat(decryptor.decrypt(List.of(tree))).isEqualTo(mac);
        assertThat(decryptor.decryptMac(expected.encryptedMac, LAST_MODIFIED)).isEqualTo(mac);
        assertThat(tree).isEqualTo(plaintext);
    }

    /** The vector file's dump layout: 4 spaces a level, Go-quoted strings, {@code #} comments. */
    static String dump(TreeBranch branch, String indent) {
        StringBuilder out = new StringBuilder();
        for (TreeItem item : branch) {
            if (item.key() instanceof Comment comment) {
                out.append(indent).append('#').append(comment.value()).append('\n');
                continue;
            }
            out.append(indent).append(item.key()).append(':');
            Object value = item.value();
            if (value instanceof TreeBranch nested) {
                out.append('\n').append(dump(nested, indent + "    "));
            } else if (value instanceof List<?> list) {
                out.append('\n');
                for (Object element : list) {
                    out.append(indent).append("    - ").append(scalar(element)).append('\n');
                }
            } else {
                out.append(' ').append(scalar(value)).append('\n');
            }
        }
        return out.toString();
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        return String.valueOf(value);
    }

    record Expected(String mac, String encryptedMac, String tree) {

        static Expected of(String file, String name) {
            int start = file.indexOf("=== " + name.trim() + " ");
            int end = file.indexOf("\nroundtrip:", start);
            String block = file.substring(start, end + 1);
            Matcher mac = Pattern.compile("plaintext MAC \\(SHA-512, upper hex\\): (\\w+)").matcher(block);
            Matcher encryptedMac = Pattern.compile("encrypted mac \\(AAD \"[^\"]+\"\\): (\\S+)").matcher(block);
            assertThat(mac.find() && encryptedMac.find()).as("vector block %s", name).isTrue();
            String tree = block.substring(block.indexOf("encrypted tree:\n") + "encrypted tree:\n".length());
            return new Expected(mac.group(1), encryptedMac.group(1), tree);
        }
    }

    static byte[] key() {
        return Arrays.copyOf(DATA_KEY, DATA_KEY.length);
    }
}
