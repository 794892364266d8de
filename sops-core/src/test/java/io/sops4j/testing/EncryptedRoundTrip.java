package io.sops4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.format.Format;
import io.sops4j.internal.format.Stores;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.keys.age.AgeMasterKey;
import io.sops4j.tree.TreeBranch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Encrypts a document's plaintext with a fresh age key and checks that decryption gives the document back. */
public final class EncryptedRoundTrip {

    private static final AgeKeys.KeyPair KEY = AgeKeys.generateX25519();
    private static final Sops SOPS = Sops.builder()
            .environment(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", KEY.identity()), Path.of(System.getProperty("java.io.tmpdir"))))
            .build();

    private EncryptedRoundTrip() {
    }

    public static void check(Format format, TreeBranch document) {
        byte[] plaintext = Stores.of(format).emitPlain(List.of(document));
        List<TreeBranch> expected = Stores.of(format).loadPlain(plaintext);

        byte[] encrypted = SOPS.encrypt(plaintext, format, EncryptionOptions.withKeys(AgeKeys.recipient(KEY.recipient())));

        assertThat(SOPS.decrypt(encrypted, format).documents()).isEqualTo(expected);
    }
}
