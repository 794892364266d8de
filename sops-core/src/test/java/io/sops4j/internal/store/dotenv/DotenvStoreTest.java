package io.sops4j.internal.store.dotenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class DotenvStoreTest {

    private final DotenvStore store = new DotenvStore();

    static Stream<StoreCases> upstreamCases() {
        return StoreCases.of("dotenv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamCases")
    void upstreamCase(StoreCases c) {
        switch (c.api()) {
            case "LoadPlainFile" -> assertThat(store.loadPlain(Conformance.read(c.input())).get(0))
                    .isEqualTo(TreeJson.read(c.expected(".tree.json")).get(0));
            case "LoadEncryptedFile" -> assertThatThrownBy(() -> store.loadEncrypted(Conformance.read(c.input())))
                    .isInstanceOf(FormatException.class)
                    .hasMessage(Conformance.readString(c.expected(".error.txt")));
            case "EmitPlainFile" -> assertThat(text(store.emitPlain(TreeJson.read(c.input()))))
                    .isEqualTo(Conformance.readString(c.expected(".out.env")));
            default -> throw new IllegalArgumentException(c.api());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vec_dotenv.env", "vec_shamir.env", "vec_k8s.env"})
    void encryptedVectorIsReproducedByteForByte(String name) {
        byte[] file = Conformance.read(Conformance.vectors().resolve(name));
        EncryptedDocument document = store.loadEncrypted(file);
        assertThat(text(store.emitEncrypted(document.branches(), document.metadata()))).isEqualTo(text(file));

        MetadataCodec codec = new MetadataCodec(KeySources.of());
        Metadata metadata = codec.fromBranch(document.metadata());
        assertThat(text(store.emitEncrypted(document.branches(), codec.toBranch(metadata)))).isEqualTo(text(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vec_dotenv.env", "vec_shamir.env", "vec_k8s.env"})
    void decryptedVectorIsReproducedAndPlainInputLoads(String name) {
        byte[] decrypted = Conformance.read(Conformance.vectors().resolve(name + ".decrypted"));
        assertThat(text(store.emitPlain(store.loadPlain(decrypted)))).isEqualTo(text(decrypted));
        assertThat(store.loadPlain(Conformance.read(Conformance.vectors().resolve(name + ".plain"))))
                .isEqualTo(store.loadPlain(decrypted));
    }

    @Test
    void k8sVectorMetadataHasTypedFieldsAsText() {
        EncryptedDocument document = store.loadEncrypted(Conformance.read(Conformance.vectors().resolve("vec_k8s.env")));
        TreeBranch metadata = document.metadata();
        assertThat(metadata.get("mac_only_encrypted")).contains("true");
        assertThat(metadata.get("encrypted_regex")).contains("^(data|stringData)$");
        TreeBranch kms = (TreeBranch) ((List<?>) metadata.get("kms").orElseThrow()).get(0);
        assertThat(kms.items()).extracting(i -> i.key()).containsExactly("arn", "aws_profile", "context", "created_at", "enc");
        assertThat(kms.get("aws_profile")).contains("");
        assertThat(kms.get("context")).contains(new TreeBranch().add("env", "prod"));
        assertThat(new MetadataCodec(KeySources.of()).fromBranch(metadata).macOnlyEncrypted()).isTrue();
        assertThat(document.branches().get(0)).isEqualTo(new TreeBranch()
                .add("data", "ENC[AES256_GCM,data:qw==,iv:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=,tag:qDYheR6JlMSMbcWAhY2fQg==,type:str]")
                .add("other", "y"));
    }

    @Test
    void upstreamFormatFileKeepsSpacesAroundTheEqualsSign() {
        EncryptedDocument document = store.loadEncrypted(
                Conformance.read(Conformance.upstreamSops().resolve("functional-tests/res/format.enc.env")));
        TreeBranch data = document.branches().get(0);
        assertThat(data.items()).hasSize(1);
        assertThat(data.items().get(0).key()).isEqualTo("foo ");
        assertThat((String) data.items().get(0).value()).startsWith("ENC[AES256_GCM,data:XBV7lQ==,");
        TreeBranch metadata = document.metadata();
        assertThat(metadata.items()).extracting(i -> i.key())
                .containsExactly("lastmodified", "mac", "pgp", "unencrypted_suffix", "version");
        assertThat(metadata.get("version")).contains("3.13.1");
        TreeBranch pgp = (TreeBranch) ((List<?>) metadata.get("pgp").orElseThrow()).get(0);
        assertThat(pgp.items()).extracting(i -> i.key()).containsExactly("created_at", "enc", "fp");
        assertThat(pgp.get("fp")).contains("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4");
        assertThat((String) pgp.get("enc").orElseThrow())
                .startsWith("-----BEGIN PGP MESSAGE-----\n\n").endsWith("\n-----END PGP MESSAGE-----");
        Metadata parsed = new MetadataCodec(KeySources.of()).fromBranch(metadata);
        assertThat(parsed.lastModified()).isEqualTo("2026-05-22T20:15:29Z");
    }

    @Test
    void readsLinesLiterally() {
        String input = "# c\n\nfoo = bar\nA=b=c\nCR=x\r\nEMPTY=\n=novalue\nexport X=\"q\"\n";
        assertThat(store.loadPlain(input.getBytes(StandardCharsets.UTF_8)).get(0)).isEqualTo(new TreeBranch()
                .add(Comment.of(" c"), null)
                .add("foo ", " bar")
                .add("A", "b=c")
                .add("CR", "x\r")
                .add("EMPTY", "")
                .add("", "novalue")
                .add("export X", "\"q\""));
    }

    @Test
    void lineWithoutEqualsIsAnErrorThatDoesNotEchoTheLine() {
        assertThatThrownBy(() -> store.loadPlain("A=1\nsecretvalue\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("line 2").hasMessageNotContaining("secretvalue");
    }

    @Test
    void writesScalarsWithValToStringAndRejectsComplexValues() {
        TreeBranch branch = new TreeBranch().add("I", 3L).add("F", 3.0).add("B", false).add("N", null);
        assertThat(text(store.emitPlain(List.of(branch)))).isEqualTo("I=3\nF=3.0\nB=false\nN=<nil>\n");
        assertThatThrownBy(() -> store.emitPlain(List.of(new TreeBranch().add("M", new TreeBranch()))))
                .isInstanceOf(SopsException.class).hasMessageContaining("complex value");
        assertThatThrownBy(() -> store.emitPlain(List.of(new TreeBranch().add("L", List.of("x")))))
                .isInstanceOf(SopsException.class).hasMessageContaining("complex value");
    }

    @Test
    void emitsOnlyTheFirstDocument() {
        List<TreeBranch> tree = List.of(new TreeBranch().add("A", "1"), new TreeBranch().add("B", "2"));
        assertThat(text(store.emitPlain(tree))).isEqualTo("A=1\n");
    }

    @Test
    void emitValueSupportsStringsOnly() {
        assertThat(text(store.emitValue("a\nb"))).isEqualTo("a\nb");
        assertThatThrownBy(() -> store.emitValue(5L))
                .hasMessage("the dotenv store only supports emitting strings, got int");
    }

    @Test
    void sopsPrefixIsReserved() {
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("sops_x", "1"))).isTrue();
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("sops", "1").add(Comment.of("sops_c"), null))).isFalse();
    }

    @Test
    void metadataNonStringsAreWrittenAsText() {
        TreeBranch metadata = new TreeBranch().add("mac_only_encrypted", true).add("shamir_threshold", 2L)
                .add("version", "3.13.2");
        String out = text(store.emitEncrypted(List.of(new TreeBranch().add("A", "1")), metadata));
        assertThat(out).isEqualTo("A=1\nsops_mac_only_encrypted=true\nsops_shamir_threshold=2\nsops_version=3.13.2\n");
        assertThat(store.loadEncrypted(out.getBytes(StandardCharsets.UTF_8)).metadata()).isEqualTo(new TreeBranch()
                .add("mac_only_encrypted", "true").add("shamir_threshold", "2").add("version", "3.13.2"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Upstream splits a line at its first {@code =} and takes whatever is before it as the key, even nothing. */
    @Test
    void aLineWithoutAKeyHasAnEmptyKeyAsUpstream() {
        byte[] input = "=value\nA=1\n".getBytes(StandardCharsets.UTF_8);
        TreeBranch branch = store.loadPlain(input).get(0);

        assertThat(branch).isEqualTo(new TreeBranch().add("", "value").add("A", "1"));
        assertThat(store.emitPlain(List.of(branch))).isEqualTo(input);
    }
}
