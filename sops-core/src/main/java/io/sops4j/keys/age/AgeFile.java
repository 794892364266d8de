package io.sops4j.keys.age;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Encrypts to and decrypts from the binary age v1 format. */
final class AgeFile {

    private AgeFile() {
    }

    static byte[] encrypt(byte[] plaintext, List<? extends Recipient> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no age recipients given");
        }
        byte[] fileKey = AgeCrypto.random(AgeCrypto.FILE_KEY_SIZE);
        List<Stanza> stanzas = new ArrayList<>();
        for (Recipient recipient : recipients) {
            stanzas.addAll(recipient.wrap(fileKey));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Header.encode(stanzas, fileKey));
        out.writeBytes(Payload.encrypt(fileKey, plaintext));
        return out.toByteArray();
    }

    static byte[] decrypt(byte[] file, List<? extends Identity> identities) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        decrypt(file, identities, out);
        return out.toByteArray();
    }

    /**
     * Decrypts {@code file}; authenticated plaintext is written to {@code out} chunk by chunk, so
     * on a payload failure {@code out} holds what age would have released before the error.
     */
    static void decrypt(byte[] file, List<? extends Identity> identities, OutputStream out) {
        Header header = Header.parse(file);
        List<Stanza> stanzas = header.stanzas();
        for (Stanza stanza : stanzas) {
            if (stanza.type().equals("scrypt") && stanzas.size() != 1) {
                throw AgeFailure.header("an scrypt stanza must be the only one");
            }
        }
        byte[] fileKey = null;
        for (Identity identity : identities) {
            fileKey = identity.unwrap(stanzas);
            if (fileKey != null) {
                break;
            }
        }
        if (fileKey == null) {
            throw new AgeFailure(AgeFailure.Kind.NO_MATCH, "no identity matched any of the recipients");
        }
        header.verifyMac(fileKey);
        Payload.decrypt(fileKey, file, header.payloadOffset(), out);
    }
}
