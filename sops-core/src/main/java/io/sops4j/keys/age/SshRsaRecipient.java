package io.sops4j.keys.age;

import io.sops4j.internal.crypto.Randomness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/** An {@code ssh-rsa} public key used as an age recipient: RSA-OAEP with SHA-256 and a label. */
final class SshRsaRecipient implements Recipient {

    static final byte[] LABEL = "age-encryption.org/v1/ssh-rsa".getBytes(StandardCharsets.US_ASCII);

    private final RSAKeyParameters key;
    private final byte[] wire;

    SshRsaRecipient(RSAKeyParameters key, byte[] wire) {
        this.key = key;
        this.wire = wire.clone();
    }

    static AsymmetricBlockCipher oaep() {
        return new OAEPEncoding(new RSABlindedEngine(), new SHA256Digest(), new SHA256Digest(), LABEL);
    }

    @Override
    public List<Stanza> wrap(byte[] fileKey) {
        AsymmetricBlockCipher cipher = oaep();
        cipher.init(true, new ParametersWithRandom(key, Randomness.secureRandom()));
        try {
            byte[] body = cipher.processBlock(fileKey, 0, fileKey.length);
            return List.of(new Stanza("ssh-rsa", List.of(SshKeys.tag(wire)), body));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
    }
}
