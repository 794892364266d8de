package io.sops4j.internal.crypto;

import static io.sops4j.fuzz.Invariant.returnsOrFails;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code ENC[AES256_GCM,...]} value parser and decoder. Its documented failures are
 * {@link IllegalArgumentException} (malformed) and {@link GeneralSecurityException} (not authentic),
 * which the tree cipher turns into a {@code SopsException} naming the key path.
 */
@Timeout(10)
class EncryptedValueFuzzTest {

    private static final byte[] DATA_KEY = new byte[32];

    @FuzzTest
    void decrypt(FuzzedDataProvider data) {
        String additionalData = data.consumeString(64);
        String value = data.consumeRemainingAsString();
        ValueCipher cipher = new ValueCipher(DATA_KEY, IvSource.random());
        returnsOrFails(IllegalArgumentException.class, () -> {
            try {
                cipher.decrypt(value, additionalData);
            } catch (GeneralSecurityException e) {
                // an unauthentic value is the other documented outcome
            }
        });
        ValueCipher.isEncrypted(value);
        ValueCipher.isEncryptedComment(value);
    }
}
