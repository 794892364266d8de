package io.sops4j.internal.store;

import static io.sops4j.fuzz.Invariant.returnsOrFailsTyped;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sops4j.format.Format;
import io.sops4j.fuzz.WarmUp;
import io.sops4j.internal.format.Stores;
import io.sops4j.tree.TreeBranch;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Each store's plain and encrypted loaders on arbitrary bytes; what loads must also be written back
 * out without failing, as {@code decrypt} and {@code encrypt} do next.
 */
@Timeout(10)
class StoreFuzzTest {

    static {
        for (Format format : Format.values()) {
            String name = format.cliName();
            WarmUp.onSeeds(StoreFuzzTest.class, name + "Plain", input -> plain(format, input));
            WarmUp.onSeeds(StoreFuzzTest.class, name + "Encrypted", input -> encrypted(format, input));
        }
    }

    @FuzzTest
    void yamlPlain(byte[] input) {
        plain(Format.YAML, input);
    }

    @FuzzTest
    void yamlEncrypted(byte[] input) {
        encrypted(Format.YAML, input);
    }

    @FuzzTest
    void jsonPlain(byte[] input) {
        plain(Format.JSON, input);
    }

    @FuzzTest
    void jsonEncrypted(byte[] input) {
        encrypted(Format.JSON, input);
    }

    @FuzzTest
    void dotenvPlain(byte[] input) {
        plain(Format.DOTENV, input);
    }

    @FuzzTest
    void dotenvEncrypted(byte[] input) {
        encrypted(Format.DOTENV, input);
    }

    @FuzzTest
    void iniPlain(byte[] input) {
        plain(Format.INI, input);
    }

    @FuzzTest
    void iniEncrypted(byte[] input) {
        encrypted(Format.INI, input);
    }

    @FuzzTest
    void binaryPlain(byte[] input) {
        plain(Format.BINARY, input);
    }

    @FuzzTest
    void binaryEncrypted(byte[] input) {
        encrypted(Format.BINARY, input);
    }

    private static void plain(Format format, byte[] input) {
        returnsOrFailsTyped(() -> {
            Store store = Stores.of(format);
            List<TreeBranch> documents = store.loadPlain(input);
            store.emitPlain(documents);
        });
    }

    private static void encrypted(Format format, byte[] input) {
        returnsOrFailsTyped(() -> {
            Store store = Stores.of(format);
            EncryptedDocument document = store.loadEncrypted(input);
            store.emitEncrypted(document.branches(), document.metadata());
        });
    }
}
