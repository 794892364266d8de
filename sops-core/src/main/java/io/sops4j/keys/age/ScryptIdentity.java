package io.sops4j.keys.age;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.crypto.generators.SCrypt;

/** A passphrase that unwraps {@code scrypt} stanzas (passphrase-encrypted files). */
final class ScryptIdentity implements Identity {

    private static final byte[] LABEL = "age-encryption.org/v1/scrypt".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_WORK_FACTOR = 22;

    private final byte[] passphrase;
    private final String source;

    ScryptIdentity(byte[] passphrase, String source) {
        this.passphrase = passphrase.clone();
        this.source = source;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals("scrypt")) {
                continue;
            }
            if (stanzas.size() != 1) {
                throw AgeFailure.header("an scrypt stanza must be the only one");
            }
            if (stanza.args().size() != 2) {
                throw AgeFailure.header("invalid scrypt stanza: expected two arguments");
            }
            byte[] salt = AgeCrypto.decodeRawBase64(stanza.args().get(0));
            if (salt == null || salt.length != 16) {
                throw AgeFailure.header("invalid scrypt stanza: malformed salt");
            }
            String factor = stanza.args().get(1);
            if (!factor.matches("[1-9][0-9]?")) {
                throw AgeFailure.header("invalid scrypt stanza: malformed work factor");
            }
            int logN = Integer.parseInt(factor);
            if (logN > MAX_WORK_FACTOR) {
                throw AgeFailure.header("scrypt work factor " + logN + " is larger than " + MAX_WORK_FACTOR);
            }
            byte[] key = SCrypt.generate(passphrase, AgeCrypto.concat(LABEL, salt), 1 << logN, 8, 1, 32);
            byte[] fileKey = AgeCrypto.unwrapFileKey(key, stanza.body());
            if (fileKey != null) {
                return fileKey;
            }
        }
        return null;
    }

    @Override
    public String describe() {
        return "passphrase from " + source;
    }
}
