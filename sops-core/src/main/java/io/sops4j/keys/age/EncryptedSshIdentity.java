package io.sops4j.keys.age;

import java.util.List;

/**
 * A passphrase-protected OpenSSH private key. Its public key is readable, so it recognises the
 * stanzas meant for it; unwrapping one fails because sops4j does not prompt for passphrases.
 */
final class EncryptedSshIdentity implements Identity {

    private final String type;
    private final String tag;
    private final String source;

    EncryptedSshIdentity(byte[] publicKeyWire, String source) {
        this.type = SshKeys.wireType(publicKeyWire);
        this.tag = SshKeys.tag(publicKeyWire);
        this.source = source;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        for (Stanza stanza : stanzas) {
            if (stanza.type().equals(type) && !stanza.args().isEmpty() && stanza.args().get(0).equals(tag)) {
                throw new AgeFailure(AgeFailure.Kind.UNSUPPORTED, "the " + type + " key from " + source
                        + " is passphrase-protected and sops4j does not read passphrases from a terminal;"
                        + " provide an unencrypted key through SOPS_AGE_SSH_PRIVATE_KEY_FILE or SOPS_AGE_SSH_PRIVATE_KEY_CMD");
            }
        }
        return null;
    }

    @Override
    public String describe() {
        return "passphrase-protected " + type + " key from " + source + " (not usable)";
    }
}
