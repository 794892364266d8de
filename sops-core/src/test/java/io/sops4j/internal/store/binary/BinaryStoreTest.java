package io.sops4j.internal.store.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.internal.store.json.StoreCase;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.TreeJson;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryStoreTest {

    private final BinaryStore store = new BinaryStore(-1);

    static List<StoreCase> cases() {
        return StoreCase.load("binary");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void upstreamCase(StoreCase c) {
        assertThat(c.api()).isEqualTo("EmitPlainFile");
        List<TreeBranch> tree = TreeJson.read(c.inputFile());
        String errorFile = c.expectedWithSuffix(".error.txt");
        if (errorFile == null) {
            assertThat(store.emitPlain(tree)).isEqualTo(Conformance.read(c.file(c.expectedWithSuffix(".out.bin"))));
        } else {
            String expected = Conformance.readString(c.file(errorFile));
            assertThatThrownBy(() -> store.emitPlain(tree))
                    .isInstanceOf(SopsException.class)
                    .hasMessage("error emitting binary store: " + expected)
                    .satisfies(e -> assertThat(((SopsException) e).exitCode()).isEqualTo(ExitCode.ERROR_DUMPING_TREE));
        }
    }

    @Test
    void encryptedVectorRoundTripsByteForByte() {
        byte[] file = Conformance.read(Conformance.vectors().resolve("vec_binary.bin"));

        EncryptedDocument document = store.loadEncrypted(file);

        assertThat(document.branches().get(0).get("data")).hasValueSatisfying(
                data -> assertThat((String) data).startsWith("ENC[AES256_GCM,data:sZRMf57+rvn09Mq8,"));
        assertThat(store.emitEncrypted(document.branches(), document.metadata())).isEqualTo(file);
    }

    @Test
    void plainVectorLoadsAsItsBytesAndIsWrittenBack() {
        Path vectors = Conformance.vectors();
        byte[] plain = Conformance.read(vectors.resolve("vec_binary.bin.plain"));

        List<TreeBranch> loaded = store.loadPlain(plain);

        assertThat(loaded).hasSize(1);
        assertThat(loaded.get(0).size()).isEqualTo(1);
        assertThat(loaded.get(0).get("data")).hasValueSatisfying(data -> assertThat((byte[]) data).isEqualTo(plain));
        assertThat(store.emitPlain(loaded)).isEqualTo(plain).isEqualTo(Conformance.read(vectors.resolve("vec_binary.bin.decrypted")));
    }

    @Test
    void upstreamExampleIsABinaryEnvelope() {
        EncryptedDocument document = store.loadEncrypted(Conformance.read(Conformance.upstreamSops().resolve("example.txt")));

        assertThat(document.branches().get(0).items()).singleElement()
                .satisfies(item -> assertThat(item.key()).isEqualTo("data"));
        assertThat(document.metadata().get("pgp")).isPresent();
    }

    @Test
    void bytesThatAreNotUtf8SurviveLoadAndEmit() {
        byte[] input = {(byte) 0xff, 0, (byte) 0xc3, 0x28, (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'};

        assertThat(store.emitPlain(store.loadPlain(input))).isEqualTo(input);
    }

    @Test
    void emptyInputIsEmptyData() {
        assertThat(store.emitPlain(store.loadPlain(new byte[0]))).isEmpty();
    }

    @Test
    void decryptedStringDataIsWrittenAsUtf8() {
        List<TreeBranch> tree = List.of(new TreeBranch().add("data", "grüße\n"));

        assertThat(store.emitPlain(tree)).isEqualTo("grüße\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dataThatIsNotTextIsRefused() {
        List<TreeBranch> tree = List.of(new TreeBranch().add("data", 3L));

        assertThatThrownBy(() -> store.emitPlain(tree))
                .hasMessage("error emitting binary store: 'data' key in tree does not have a string value");
    }

    @Test
    void singleValuesCannotBeExtracted() {
        assertThatThrownBy(() -> store.emitValue("x"))
                .isInstanceOf(SopsException.class)
                .hasMessage("Binary files are not structured and extracting a single value is not possible");
    }

    @Test
    void envelopeUsesTheConfiguredIndent() {
        TreeBranch metadata = new TreeBranch().add("version", "3.13.2");
        List<TreeBranch> tree = List.of(new TreeBranch().add("data", "ENC[x]"));

        assertThat(new String(new BinaryStore(2).emitEncrypted(tree, metadata), StandardCharsets.UTF_8))
                .isEqualTo("{\n  \"data\": \"ENC[x]\",\n  \"sops\": {\n    \"version\": \"3.13.2\"\n  }\n}\n");
    }

    @Test
    void sopsKeyIsDetected() {
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("sops", new TreeBranch()))).isTrue();
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("data", "x"))).isFalse();
    }
}
