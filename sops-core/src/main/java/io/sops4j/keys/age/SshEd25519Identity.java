package io.sops4j.keys.age;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

/** An {@code ssh-ed25519} private key used as an age identity (agessh). */
final class SshEd25519Identity implements Identity {

    private final byte[] wire;
    private final byte[] scalar;
    private final byte[] montgomery;
    private final String source;

    SshEd25519Identity(Ed25519PrivateKeyParameters key, String source) {
        try {
            this.wire = OpenSSHPublicKeyUtil.encodePublicKey(key.generatePublicKey());
            this.scalar = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(key.getEncoded()), 32);
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.montgomery = SshKeys.ed25519ToX25519(key.generatePublicKey().getEncoded());
        this.source = source;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        String tag = SshKeys.tag(wire);
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals("ssh-ed25519")) {
                continue;
            }
            if (stanza.args().size() != 2) {
                throw AgeFailure.header("invalid ssh-ed25519 stanza: expected two arguments");
            }
            byte[] share = AgeCrypto.decodeRawBase64(stanza.args().get(1));
            if (share == null || share.length != 32) {
                throw AgeFailure.header("invalid ssh-ed25519 stanza: malformed share");
            }
            if (!stanza.args().get(0).equals(tag)) {
                continue;
            }
            byte[] shared = SshEd25519Recipient.tweak(wire, AgeCrypto.x25519(scalar, share));
            byte[] key = AgeCrypto.hkdf(shared, AgeCrypto.concat(share, montgomery), SshEd25519Recipient.LABEL, 32);
            byte[] fileKey = AgeCrypto.unwrapFileKey(key, stanza.body());
            if (fileKey == null) {
                throw AgeFailure.header("ssh-ed25519 stanza for " + SshKeys.wireType(wire) + " key from " + source
                        + " does not decrypt");
            }
            return fileKey;
        }
        return null;
    }

    @Override
    public String describe() {
        return "ssh-ed25519 key from " + source;
    }
}
