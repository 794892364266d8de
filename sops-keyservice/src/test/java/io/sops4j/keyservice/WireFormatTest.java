package io.sops4j.keyservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.keyservice.internal.KeyMessages;
import io.sops4j.keyservice.internal.proto.DecryptRequest;
import io.sops4j.keyservice.internal.proto.DecryptResponse;
import io.sops4j.keyservice.internal.proto.EncryptRequest;
import io.sops4j.keyservice.internal.proto.Key;
import io.sops4j.keyservice.internal.proto.KeyServiceGrpc;
import io.sops4j.keyservice.internal.proto.KmsKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The bytes on the wire, computed by hand from upstream's keyservice.proto: field numbers, wire
 * types and lengths, and the method names of a service declared without a package.
 */
class WireFormatTest {

    @Test
    void anEncryptRequestForAnAgeKey() throws Exception {
        String recipient = AgeKeys.generateX25519().recipient();
        int r = recipient.length(); // 62
        EncryptRequest request = EncryptRequest.newBuilder()
                .setKey(KeyMessages.toMessage(AgeKeys.recipient(recipient)))
                .setPlaintext(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .build();
        // AgeKey{1: recipient} = 0a len recipient; Key{6: age_key} = 32 len AgeKey;
        // EncryptRequest{1: key} = 0a len Key, {2: plaintext} = 12 03 010203
        String age = "0a" + hex(r) + HexFormat.of().formatHex(recipient.getBytes(StandardCharsets.US_ASCII));
        String key = "32" + hex(r + 2) + age;
        String expected = "0a" + hex(r + 4) + key + "12" + "03" + "010203";
        assertThat(HexFormat.of().formatHex(request.toByteArray())).isEqualTo(expected);
        assertThat(EncryptRequest.parseFrom(HexFormat.of().parseHex(expected))).isEqualTo(request);
    }

    @Test
    void aDecryptRequestForAKmsKeyWithAContext() throws Exception {
        DecryptRequest request = DecryptRequest.newBuilder()
                .setKey(Key.newBuilder().setKmsKey(KmsKey.newBuilder()
                        .setArn("a").setRole("r").putContext("k", "v").setAwsProfile("p")))
                .setCiphertext(ByteString.copyFromUtf8("enc"))
                .build();
        // KmsKey: 0a 01 'a' | 12 01 'r' | 1a 06 (map entry: 0a 01 'k' 12 01 'v') | 22 01 'p' = 17 bytes
        // Key{1: kms_key} = 0a 11 KmsKey = 19 bytes; DecryptRequest: 0a 13 Key | 12 03 "enc"
        String expected = "0a13" + "0a11" + "0a0161" + "120172" + "1a06" + "0a016b" + "120176" + "220170" + "1203656e63";
        assertThat(HexFormat.of().formatHex(request.toByteArray())).isEqualTo(expected);
    }

    @Test
    void everyKeyTypeHasUpstreamsFieldNumber() {
        assertThat(Key.KMS_KEY_FIELD_NUMBER).isEqualTo(1);
        assertThat(Key.PGP_KEY_FIELD_NUMBER).isEqualTo(2);
        assertThat(Key.GCP_KMS_KEY_FIELD_NUMBER).isEqualTo(3);
        assertThat(Key.AZURE_KEYVAULT_KEY_FIELD_NUMBER).isEqualTo(4);
        assertThat(Key.VAULT_KEY_FIELD_NUMBER).isEqualTo(5);
        assertThat(Key.AGE_KEY_FIELD_NUMBER).isEqualTo(6);
        assertThat(Key.HCKMS_KEY_FIELD_NUMBER).isEqualTo(7);
    }

    @Test
    void aResponseFromTheWire() throws Exception {
        DecryptResponse response = DecryptResponse.parseFrom(HexFormat.of().parseHex("0a02cafe"));
        assertThat(response.getPlaintext().toByteArray()).containsExactly(0xca, 0xfe);
    }

    @Test
    void theMethodsAreThoseOfAServiceWithoutPackage() {
        assertThat(KeyServiceGrpc.SERVICE_NAME).isEqualTo("KeyService");
        assertThat(KeyServiceGrpc.getEncryptMethod().getFullMethodName()).isEqualTo("KeyService/Encrypt");
        assertThat(KeyServiceGrpc.getDecryptMethod().getFullMethodName()).isEqualTo("KeyService/Decrypt");
    }

    private static String hex(int length) {
        assertThat(length).isLessThan(128);
        return String.format("%02x", length);
    }
}
