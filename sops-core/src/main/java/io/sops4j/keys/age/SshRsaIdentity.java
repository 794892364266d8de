package io.sops4j.keys.age;

import java.io.IOException;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

/** An {@code ssh-rsa} private key used as an age identity. */
final class SshRsaIdentity implements Identity {

    private final RSAPrivateCrtKeyParameters key;
    private final String tag;
    private final String source;

    SshRsaIdentity(RSAPrivateCrtKeyParameters key, String source) {
        this.key = key;
        try {
            this.tag = SshKeys.tag(OpenSSHPublicKeyUtil.encodePublicKey(
                    new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.source = source;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals("ssh-rsa")) {
                continue;
            }
            if (stanza.args().size() != 1) {
                throw AgeFailure.header("invalid ssh-rsa stanza: expected one argument");
            }
            if (!stanza.args().get(0).equals(tag)) {
                continue;
            }
            AsymmetricBlockCipher cipher = SshRsaRecipient.oaep();
            cipher.init(false, key);
            byte[] body = stanza.body();
            try {
                return cipher.processBlock(body, 0, body.length);
            } catch (InvalidCipherTextException | RuntimeException e) {
                throw AgeFailure.header("ssh-rsa stanza for the key from " + source + " does not decrypt");
            }
        }
        return null;
    }

    @Override
    public String describe() {
        return "ssh-rsa key from " + source;
    }
}
