package io.sops4j.keys.age;

import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** An {@code ssh-ed25519} public key used as an age recipient (agessh). */
final class SshEd25519Recipient implements Recipient {

    static final String LABEL = "age-encryption.org/v1/ssh-ed25519";

    private final byte[] wire;
    private final byte[] montgomery;

    SshEd25519Recipient(Ed25519PublicKeyParameters key, byte[] wire) {
        this.wire = wire.clone();
        this.montgomery = SshKeys.ed25519ToX25519(key.getEncoded());
    }

    @Override
    public List<Stanza> wrap(byte[] fileKey) {
        byte[] ephemeral = AgeCrypto.random(32);
        byte[] share = AgeCrypto.x25519Base(ephemeral);
        byte[] shared = tweak(wire, AgeCrypto.x25519(ephemeral, montgomery));
        byte[] key = AgeCrypto.hkdf(shared, AgeCrypto.concat(share, montgomery), LABEL, 32);
        return List.of(new Stanza("ssh-ed25519", List.of(SshKeys.tag(wire), AgeCrypto.rawBase64(share)),
                AgeCrypto.wrapFileKey(key, fileKey)));
    }

    /** agessh's second multiplication by a scalar derived from the SSH public key. */
    static byte[] tweak(byte[] wire, byte[] shared) {
        byte[] tweak = AgeCrypto.hkdf(new byte[0], wire, LABEL, 32);
        byte[] out = new byte[32];
        X25519.scalarMult(tweak, 0, shared, 0, out, 0);
        return out;
    }
}
