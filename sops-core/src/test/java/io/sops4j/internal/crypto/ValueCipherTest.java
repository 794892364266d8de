package io.sops4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.testing.CountingIvSource;
import io.sops4j.tree.Comment;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueCipherTest {

    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void reproducesTheSpecificationExamples() throws Exception {
        ValueCipher cipher = new ValueCipher(KEY, new CountingIvSource(1));
        assertThat(cipher.encrypt(Comment.of(" top comment"), ":")).isEqualTo(
                "ENC[AES256_GCM,data:84lNbszkwfD45cXC,iv:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=,tag:azMng1rbv3/xNubmCUfL1w==,type:comment]");
        assertThat(cipher.encrypt("hello", "str:")).isEqualTo(
                "ENC[AES256_GCM,data:WaPXg0Q=,iv:AgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICE=,tag:VLo09cI8HkOGCLO42HFYjg==,type:str]");
        assertThat(cipher.encrypt(42L, "int:")).isEqualTo(
                "ENC[AES256_GCM,data:m84=,iv:AwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISI=,tag:fcu/HJ60xbYlAibroZILgw==,type:int]");
    }

    @Test
    void roundTripsEveryType() throws Exception {
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        for (Object value : new Object[] {"héllo ✓", 42L, -9223372036854775808L, 1.5, -0.0, 1e21, true, false,
                OffsetDateTime.parse("2006-01-02T15:04:05.123+07:06"), Comment.of(" note")}) {
            assertThat(cipher.decrypt(cipher.encrypt(value, "a:b:"), "a:b:")).isEqualTo(value);
        }
        byte[] invalidUtf8 = {(byte) 0xff, 0, (byte) 0xc3};
        assertThat((byte[]) cipher.decrypt(cipher.encrypt(invalidUtf8, "data:"), "data:")).isEqualTo(invalidUtf8);
        byte[] encodedSurrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertThat((byte[]) cipher.decrypt(cipher.encrypt(encodedSurrogate, "data:"), "data:")).isEqualTo(encodedSurrogate);
        assertThat(cipher.decrypt(cipher.encrypt("replacement \uFFFD kept", "k:"), "k:")).isEqualTo("replacement \uFFFD kept");
    }

    @Test
    void emptyValuesStayEmpty() throws Exception {
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        assertThat(cipher.encrypt("", "k:")).isEmpty();
        assertThat(cipher.encrypt(Comment.of(""), "k:")).isEmpty();
        assertThat(cipher.decrypt("", "k:")).isEqualTo("");
    }

    @Test
    void reusesTheIvOfADecryptedValueForTheSameValueAndPath() throws Exception {
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        String first = cipher.encrypt("secret", "a:");
        ValueCipher reopened = new ValueCipher(KEY, IvSource.random());
        reopened.decrypt(first, "a:");
        assertThat(reopened.encrypt("secret", "a:")).isEqualTo(first);
        assertThat(reopened.encrypt("secret", "b:")).isNotEqualTo(first);
        assertThat(reopened.encrypt("changed", "a:")).isNotEqualTo(first);
    }

    @Test
    void equalValuesUnderOnePathReuseTheStashedIvBackToBack() throws Exception {
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        String stored = cipher.encrypt("same", "list:");
        ValueCipher reopened = new ValueCipher(KEY, IvSource.random());
        reopened.decrypt(stored, "list:");
        assertThat(reopened.encrypt("same", "list:")).isEqualTo(stored);
        assertThat(reopened.encrypt("same", "list:")).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"data", "iv", "tag"})
    void rejectsAChangedByteInAnyPart(String part) throws Exception {
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        String encrypted = cipher.encrypt("secret value", "k:");
        String tampered = flipFirstByte(encrypted, part);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "k:")).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rejectsAnotherPathOrKey() throws Exception {
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        String encrypted = cipher.encrypt("secret", "a:");
        assertThatThrownBy(() -> cipher.decrypt(encrypted, "b:")).isInstanceOf(GeneralSecurityException.class);
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> new ValueCipher(otherKey, IvSource.random()).decrypt(encrypted, "a:"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rejectsMalformedValues() {
        ValueCipher cipher = new ValueCipher(KEY, IvSource.random());
        assertThatThrownBy(() -> cipher.decrypt("plain", "k:")).hasMessageContaining("does not match sops' data format");
        assertThatThrownBy(() -> cipher.decrypt("ENC[AES256_GCM,data:AA==,iv:AA==,tag:AA==,type:str]", "k:"))
                .hasMessageContaining("tag");
        assertThat(ValueCipher.isEncryptedComment("ENC[AES256_GCM,data:AA==,iv:AA==,tag:AA==,type:comment]")).isTrue();
    }

    @Test
    void encryptedCommentsNeedTheCommentTypeAndValidBase64() {
        assertThat(ValueCipher.isEncryptedComment("ENC[AES256_GCM,data:AA==,iv:AA==,tag:AA==,type:str]")).isFalse();
        assertThat(ValueCipher.isEncryptedComment("ENC[AES256_GCM,data:A!==,iv:AA==,tag:AA==,type:comment]")).isFalse();
        assertThat(ValueCipher.isEncryptedComment("# plain")).isFalse();
    }

    @Test
    void parsesFloatsLikeGo() {
        assertThat(ValueCodec.parseFloat("1e3")).isEqualTo(1000.0);
        assertThat(ValueCodec.parseFloat("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ValueCodec.parseFloat("infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ValueCodec.parseFloat("0x1p-2")).isEqualTo(0.25);
        assertThatThrownBy(() -> ValueCodec.parseFloat("1.5d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueCodec.parseFloat("0x1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String flipFirstByte(String encrypted, String part) {
        int start = encrypted.indexOf(part + ":") + part.length() + 1;
        int end = encrypted.indexOf(',', start);
        byte[] bytes = Base64.getDecoder().decode(encrypted.substring(start, end));
        bytes[0] ^= 1;
        return encrypted.substring(0, start) + Base64.getEncoder().encodeToString(bytes) + encrypted.substring(end);
    }
}
