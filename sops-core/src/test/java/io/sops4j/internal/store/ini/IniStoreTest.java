package io.sops4j.internal.store.ini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.internal.metadata.MetadataCodec;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.internal.store.StoreCases;
import io.sops4j.keys.KeySources;
import io.sops4j.metadata.Metadata;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.TreeJson;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IniStoreTest {

    private final IniStore store = new IniStore();

    static Stream<StoreCases> upstreamCases() {
        return StoreCases.of("ini").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamCases")
    void upstreamCase(StoreCases c) {
        byte[] input = Conformance.read(c.input());
        switch (c.api()) {
            case "decode" -> assertThat(store.loadPlain(input)).isEqualTo(TreeJson.read(c.expected(".tree.json")));
            case "LoadEncryptedFile" -> assertThatThrownBy(() -> store.loadEncrypted(input))
                    .isInstanceOf(FormatException.class)
                    .hasMessage(Conformance.readString(c.expected(".error.txt")));
            default -> throw new IllegalArgumentException(c.api());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vec_ini.ini", "vec_shamir.ini"})
    void encryptedVectorIsReproducedByteForByte(String name) {
        byte[] file = Conformance.read(Conformance.vectors().resolve(name));
        EncryptedDocument document = store.loadEncrypted(file);
        assertThat(text(store.emitEncrypted(document.branches(), document.metadata()))).isEqualTo(text(file));

        MetadataCodec codec = new MetadataCodec(KeySources.of());
        Metadata metadata = codec.fromBranch(document.metadata());
        assertThat(text(store.emitEncrypted(document.branches(), codec.toBranch(metadata)))).isEqualTo(text(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vec_ini.ini", "vec_shamir.ini"})
    void decryptedVectorIsReproducedAndPlainInputLoads(String name) {
        byte[] decrypted = Conformance.read(Conformance.vectors().resolve(name + ".decrypted"));
        assertThat(text(store.emitPlain(store.loadPlain(decrypted)))).isEqualTo(text(decrypted));

        List<TreeBranch> plain = store.loadPlain(Conformance.read(Conformance.vectors().resolve(name + ".plain")));
        assertThat(plain).isEqualTo(store.loadPlain(decrypted));
    }

    @Test
    void vectorTreeHasCommentsWhereUpstreamPutsThem() {
        TreeBranch branch = store.loadPlain(Conformance.read(Conformance.vectors().resolve("vec_ini.ini.plain"))).get(0);
        assertThat(branch).isEqualTo(new TreeBranch()
                .add("DEFAULT", new TreeBranch())
                .add("database", new TreeBranch()
                        .add(Comment.of("section comment"), null)
                        .add("user", "admin")
                        .add("password", "s3cr3t")
                        .add(Comment.of("key comment"), null)
                        .add("port", "5432"))
                .add("other", new TreeBranch().add("name_unencrypted", "visible")));
    }

    @Test
    void vectorMetadataUnflattens() {
        EncryptedDocument document = store.loadEncrypted(Conformance.read(Conformance.vectors().resolve("vec_shamir.ini")));
        TreeBranch metadata = document.metadata();
        assertThat(metadata.items()).extracting(i -> i.key())
                .containsExactly("key_groups", "lastmodified", "mac", "shamir_threshold", "unencrypted_suffix", "version");
        assertThat(metadata.get("shamir_threshold")).contains("2");
        List<?> groups = (List<?>) metadata.get("key_groups").orElseThrow();
        assertThat(groups).hasSize(2);
        TreeBranch age = (TreeBranch) ((List<?>) ((TreeBranch) groups.get(1)).get("age").orElseThrow()).get(0);
        assertThat((String) age.get("enc").orElseThrow())
                .startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n").endsWith("\n-----END AGE ENCRYPTED FILE-----\n");
        assertThat(document.branches().get(0).items()).extracting(i -> i.key()).containsExactly("DEFAULT", "s");
    }

    static Stream<String> upstreamFiles() {
        return Stream.of("example.ini", "functional-tests/res/format.enc.ini", "functional-tests/res/format-2.enc.ini");
    }

    @ParameterizedTest
    @MethodSource("upstreamFiles")
    void upstreamFileMetadataUnflattens(String name) {
        EncryptedDocument document = store.loadEncrypted(Conformance.read(Conformance.upstreamSops().resolve(name)));
        TreeBranch metadata = document.metadata();
        assertThat(metadata.items()).extracting(i -> i.key())
                .containsExactly("lastmodified", "mac", "pgp", "unencrypted_suffix", "version");
        assertThat((String) metadata.get("mac").orElseThrow()).startsWith("ENC[AES256_GCM,data:");
        assertThat(metadata.get("unencrypted_suffix")).contains("_unencrypted");
        for (Object entry : (List<?>) metadata.get("pgp").orElseThrow()) {
            TreeBranch key = (TreeBranch) entry;
            assertThat(key.items()).extracting(i -> i.key()).containsExactly("created_at", "enc", "fp");
            assertThat((String) key.get("enc").orElseThrow())
                    .startsWith("-----BEGIN PGP MESSAGE-----\n\n").endsWith("\n-----END PGP MESSAGE-----")
                    .doesNotContain("\\n");
        }
        Metadata parsed = new MetadataCodec(KeySources.of()).fromBranch(metadata);
        assertThat(parsed.keyGroups()).hasSize(1);
    }

    @Test
    void exampleIniHasItsTwoPgpKeysAndSections() {
        EncryptedDocument document = store.loadEncrypted(Conformance.read(Conformance.upstreamSops().resolve("example.ini")));
        List<?> pgp = (List<?>) document.metadata().get("pgp").orElseThrow();
        assertThat(pgp).extracting(e -> ((TreeBranch) e).get("fp").orElseThrow())
                .containsExactly("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4", "D7229043384BCC60326C6FB9D8720D957C3D3074");
        assertThat(document.metadata().get("version")).contains("3.5.0");
        TreeBranch data = document.branches().get(0);
        assertThat(data.items()).extracting(i -> i.key())
                .containsExactly("DEFAULT", "name", "address", "phoneNumbers", "not private");
        assertThat(((TreeBranch) data.get("not private").orElseThrow()).get("notsecret_unencrypted")).contains("hi there!");
        assertThat(((TreeBranch) data.get("name").orElseThrow()).items().get(0).key()).isInstanceOf(Comment.class);
    }

    @Test
    void formatFilesHaveTheSameDataLayout() {
        for (String name : List.of("functional-tests/res/format.enc.ini", "functional-tests/res/format-2.enc.ini")) {
            TreeBranch data = store.loadEncrypted(Conformance.read(Conformance.upstreamSops().resolve(name))).branches().get(0);
            assertThat(data.items()).extracting(i -> i.key()).containsExactly("DEFAULT", "foo");
            assertThat((String) ((TreeBranch) data.get("foo").orElseThrow()).get("bar").orElseThrow()).startsWith("ENC[");
        }
    }

    @Test
    void readsIniV1Quoting() {
        String input = "top = level\n"
                + "[s] ; header comment\n"
                + "plain   =   spaced value   \n"
                + "colon: v\n"
                + "inline = x#y\n"
                + "inline2 = a ; b\n"
                + "dq = \" padded \"\n"
                + "sq = 'single'\n"
                + "inner = a\"b\"\n"
                + "bt = `a#b;c`\n"
                + "ml = \"\"\"line1\n"
                + "line2\"\"\"\n"
                + "`k=ey` = v\n"
                + "\"\"\"k`ey\"\"\" = v2\n"
                + "cont = a\\\n"
                + "  b\n"
                + "empty =\n"
                + "dup = 1\n"
                + "dup = 2\n"
                + "- = auto\n"
                + "# trailing comment is dropped\n";
        TreeBranch branch = store.loadPlain(input.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(branch).isEqualTo(new TreeBranch()
                .add("DEFAULT", new TreeBranch().add("top", "level"))
                .add("s", new TreeBranch()
                        .add(Comment.of("header comment"), null)
                        .add("plain", "spaced value")
                        .add("colon", "v")
                        .add("inline", "x").add(Comment.of("y"), null)
                        .add("inline2", "a").add(Comment.of("b"), null)
                        .add("dq", " padded ")
                        .add("sq", "single")
                        .add("inner", "a\"b\"")
                        .add("bt", "a#b;c")
                        .add("ml", "line1\nline2")
                        .add("k=ey", "v")
                        .add("k`ey", "v2")
                        .add("cont", "ab")
                        .add("empty", "")
                        .add("dup", "2")
                        .add("#1", "auto")));
    }

    @Test
    void writesIniV1Layout() {
        List<TreeBranch> tree = List.of(new TreeBranch()
                .add("DEFAULT", new TreeBranch().add("d", "v"))
                .add("s", new TreeBranch()
                        .add(Comment.of("section\nsecond line"), null)
                        .add(Comment.of("dropped: no key before it"), null)
                        .add("a", "plain")
                        .add(Comment.of("about a"), null)
                        .add("longer key", " padded ")
                        .add("hash", "x#y")
                        .add("multi", "l1\nl2")
                        .add("k=ey", "")
                        .add("k`ey", 3L)
                        .add("float", 1.0)
                        .add("bool", true)
                        .add("\u00e9t\u00e9", "unicode"))
                .add("empty", new TreeBranch()));
        String expected = "d = v\n"
                + "\n"
                + "; section\n"
                + "; second line\n"
                + "[s]\n"
                + "; about a\n"
                + "a          = plain\n"
                + "longer key = \" padded \"\n"
                + "hash       = `x#y`\n"
                + "multi      = \"\"\"l1\nl2\"\"\"\n"
                + "`k=ey`     = \n"
                + "\"\"\"k`ey\"\"\" = 3\n"
                + "float      = 1.0\n"
                + "bool       = true\n"
                + "\u00e9t\u00e9      = unicode\n"
                + "\n"
                + "[empty]\n";
        assertThat(text(store.emitPlain(tree))).isEqualTo(expected);
    }

    @Test
    void emptyDefaultSectionIsNotWrittenButOtherDefaultsAre() {
        List<TreeBranch> tree = List.of(
                new TreeBranch().add("DEFAULT", new TreeBranch()).add("a", new TreeBranch().add("k", "v")),
                new TreeBranch().add("DEFAULT", new TreeBranch().add("x", "y")));
        assertThat(text(store.emitPlain(tree))).isEqualTo("[a]\nk = v\n\n[DEFAULT]\nx = y\n");
    }

    @Test
    void duplicateSectionsStaySeparate() {
        String input = "[a]\nk = 1\n\n[a]\nk = 2\n";
        List<TreeBranch> tree = store.loadPlain(input.getBytes(StandardCharsets.UTF_8));
        assertThat(tree.get(0).items()).extracting(i -> i.key()).containsExactly("DEFAULT", "a", "a");
        assertThat(text(store.emitPlain(tree))).isEqualTo(input);
    }

    @Test
    void nonBranchSectionIsAnError() {
        assertThatThrownBy(() -> store.emitPlain(List.of(new TreeBranch().add("k", "v"))))
                .isInstanceOf(SopsException.class)
                .hasMessage("Error marshaling to ini: Error encoding section: Section values should always be TreeBranches")
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.ERROR_DUMPING_TREE);
    }

    @Test
    void syntaxErrorsDoNotEchoTheLine() {
        assertThatThrownBy(() -> store.loadPlain("[s]\nsecretvalue\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormatException.class)
                .hasMessage("Could not unmarshal input data: key-value delimiter not found on line 2");
        assertThatThrownBy(() -> store.loadPlain("[s\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unclosed section");
        assertThatThrownBy(() -> store.loadPlain("k = \"\"\"secret\nmore\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageNotContaining("secret\n").hasMessageContaining("line 1");
    }

    @Test
    void metadataStringsAreWrittenWithEscapedNewlinesAndNonStringsAsText() {
        TreeBranch metadata = new TreeBranch()
                .add("lastmodified", "2026-01-01T00:00:00Z")
                .add("mac_only_encrypted", true)
                .add("pgp", List.of(new TreeBranch().add("enc", "a\nb")))
                .add("shamir_threshold", 2L);
        String out = text(store.emitEncrypted(List.of(new TreeBranch().add("DEFAULT", new TreeBranch())), metadata));
        assertThat(out).isEqualTo("[sops]\n"
                + "lastmodified         = 2026-01-01T00:00:00Z\n"
                + "mac_only_encrypted   = true\n"
                + "pgp__list_0__map_enc = a\\nb\n"
                + "shamir_threshold     = 2\n");
        TreeBranch back = store.loadEncrypted(out.getBytes(StandardCharsets.UTF_8)).metadata();
        assertThat(back).isEqualTo(new TreeBranch()
                .add("lastmodified", "2026-01-01T00:00:00Z")
                .add("mac_only_encrypted", "true")
                .add("pgp", List.of(new TreeBranch().add("enc", "a\nb")))
                .add("shamir_threshold", "2"));
    }

    @Test
    void emitValueIsGoJson() {
        assertThat(text(store.emitValue(5L))).isEqualTo("5");
        assertThat(text(store.emitValue(1.5))).isEqualTo("1.5");
        assertThat(text(store.emitValue(true))).isEqualTo("true");
        assertThat(text(store.emitValue(null))).isEqualTo("null");
        assertThat(text(store.emitValue("a<b>\"\n"))).isEqualTo("\"a\\u003cb\\u003e\\\"\\n\"");
        assertThat(text(store.emitValue(List.of(1L, "x")))).isEqualTo("[1,\"x\"]");
    }

    @Test
    void sopsSectionIsReserved() {
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("sops", new TreeBranch()))).isTrue();
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("sops_x", new TreeBranch()))).isFalse();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
