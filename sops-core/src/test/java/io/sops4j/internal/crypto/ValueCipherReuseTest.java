package io.sops4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

/** The cipher instances a {@link ValueCipher} keeps give the same results as fresh ones. */
class ValueCipherReuseTest {

    private static final byte[] KEY = new byte[32];

    @Test
    void anUnchangedValueEncryptedTwiceInARowKeepsItsCiphertext() throws GeneralSecurityException {
        ValueCipher writer = new ValueCipher(KEY, IvSource.random());
        String encrypted = writer.encrypt("secret", "a:");
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        assertThat(cipher.decrypt(encrypted, "a:")).isEqualTo("secret");
        // the stashed IV is used twice in a row with the same key (duplicate keys in one document)
        assertThat(cipher.encrypt("secret", "a:")).isEqualTo(encrypted);
        assertThat(cipher.encrypt("secret", "a:")).isEqualTo(encrypted);
        assertThat(cipher.encrypt("other", "a:")).isNotEqualTo(encrypted);
        assertThat(cipher.encrypt("secret", "a:")).isEqualTo(encrypted);
    }

    @Test
    void aFailedDecryptionLeavesTheCipherUsable() throws GeneralSecurityException {
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        String encrypted = cipher.encrypt(42L, "n:");
        try {
            cipher.decrypt(encrypted, "m:");
        } catch (GeneralSecurityException expected) {
            // authentication fails for another path
        }
        assertThat(cipher.decrypt(encrypted, "n:")).isEqualTo(42L);
    }
}
