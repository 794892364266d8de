package io.sops4j.keys.age;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A passphrase-protected age identity file (an age file encrypted to an {@code scrypt} stanza
 * whose plaintext is identity text). It is opened lazily, only when its identities are needed.
 * Without a passphrase source it never matches and says so in error messages: sops4j does not
 * prompt on a terminal.
 */
final class EncryptedIdentityFile implements Identity {

    private final byte[] content;
    private final String source;
    private final Supplier<byte[]> passphrase;
    private List<Identity> opened;

    EncryptedIdentityFile(byte[] content, String source, Supplier<byte[]> passphrase) {
        this.content = content.clone();
        this.source = source;
        this.passphrase = passphrase;
    }

    static boolean isEncrypted(String text) {
        return text.startsWith("age-encryption.org/") || text.startsWith(Armor.BEGIN);
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        if (passphrase == null) {
            return null;
        }
        if (opened == null) {
            byte[] file = Armor.looksArmored(content) ? Armor.decode(content) : content;
            byte[] text = AgeFile.decrypt(file, List.of(new ScryptIdentity(passphrase.get(), source)));
            opened = IdentityText.parse(new String(text, StandardCharsets.UTF_8), source);
        }
        for (Identity identity : opened) {
            byte[] fileKey = identity.unwrap(stanzas);
            if (fileKey != null) {
                return fileKey;
            }
        }
        return null;
    }

    @Override
    public String describe() {
        return passphrase == null
                ? "passphrase-protected age identity file from " + source
                        + " (not usable: sops4j does not read passphrases from a terminal)"
                : "passphrase-protected age identity file from " + source;
    }
}
