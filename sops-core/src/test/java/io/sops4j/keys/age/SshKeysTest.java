package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SshKeysTest {

    @Test
    void aFieldLengthBeyondTheKeyIsMalformedNotAnAllocation() {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
        blob.writeBytes(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
        blob.writeBytes("none".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(blob.toByteArray())
                + "\n-----END OPENSSH PRIVATE KEY-----\n";

        assertThatThrownBy(() -> SshKeys.parseIdentity(pem, "id_ed25519"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed OpenSSH private key in id_ed25519");
    }

    @Test
    void aPublicKeyTypeLongerThanThePublicKeyIsMalformed() {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
        for (String field : new String[] {"aes256-ctr", "bcrypt", ""}) {
            blob.writeBytes(ByteBuffer.allocate(4).putInt(field.length()).array());
            blob.writeBytes(field.getBytes(StandardCharsets.US_ASCII));
        }
        blob.writeBytes(ByteBuffer.allocate(4).putInt(1).array());
        byte[] publicKey = ByteBuffer.allocate(8).putInt(0x6000000B).put("ssh-".getBytes(StandardCharsets.US_ASCII)).array();
        blob.writeBytes(ByteBuffer.allocate(4).putInt(publicKey.length).array());
        blob.writeBytes(publicKey);
        String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(blob.toByteArray())
                + "\n-----END OPENSSH PRIVATE KEY-----\n";

        assertThatThrownBy(() -> SshKeys.parseIdentity(pem, "id_ed25519"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed OpenSSH private key in id_ed25519");
        assertThatThrownBy(() -> SshKeys.wireType(new byte[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
