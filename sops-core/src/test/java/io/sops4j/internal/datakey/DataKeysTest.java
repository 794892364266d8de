package io.sops4j.internal.datakey;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import io.sops4j.testing.StubKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataKeysTest {

    /** A key whose decryption fails with something other than a sops error, as a bug would. */
    @Test
    void aKeyFailingUnexpectedlyIsReportedWithoutAJavaClassName() {
        StubKey broken = new StubKey("age", "age1broken", new IllegalStateException("internal detail Qz7Xw4"));
        Metadata metadata = new Metadata(List.of(KeyGroup.of(broken)), 0, EncryptionRules.defaults(), false,
                "", "", Metadata.SOPS_VERSION);

        assertThatThrownBy(() -> DataKeys.recover(metadata, KeyEnvironment.of(Map.of(), Path.of("/nonexistent")),
                DecryptionOrder.DEFAULT))
                .isInstanceOf(SopsException.class)
                .hasMessageContaining("age1broken: FAILED\n    - | unexpected internal failure (a bug, not a problem with this key)")
                .hasMessageNotContaining("IllegalStateException")
                .hasMessageNotContaining("Qz7Xw4");
    }
}
