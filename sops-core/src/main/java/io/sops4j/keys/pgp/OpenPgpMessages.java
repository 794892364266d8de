package io.sops4j.keys.pgp;

import io.sops4j.internal.crypto.Randomness;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * OpenPGP messages as sops stores them, made and read with Bouncy Castle: one public-key encrypted session
 * key, AES-256 with a modification detection code, an uncompressed binary literal data packet, no signature,
 * armored the way gpg armors (no headers, 64-column lines, CRC line), surrounding whitespace trimmed.
 */
final class OpenPgpMessages {

    private static final int ENCRYPTION_FLAGS = KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE;

    private OpenPgpMessages() {
    }

    static String encrypt(byte[] plaintext, PGPPublicKeyRing certificate) throws PgpFailure {
        PGPPublicKey recipient = encryptionKey(certificate).orElseThrow(() -> new PgpFailure(
                "key " + GnupgKeyring.hex(certificate.getPublicKey().getFingerprint()) + " has no usable encryption key"));
        try {
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(armored)) {
                PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(
                        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                                .setWithIntegrityPacket(true)
                                .setSecureRandom(Randomness.secureRandom()));
                encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(recipient).setSecureRandom(Randomness.secureRandom()));
                byte[] literal = literalPacket(plaintext);
                try (OutputStream encrypted = encryption.open(armor, literal.length)) {
                    encrypted.write(literal);
                }
            }
            return armored.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n").strip();
        } catch (IOException | PGPException | RuntimeException e) {
            throw new PgpFailure("encryption failed: " + e.getMessage(), e);
        }
    }

    private static byte[] literalPacket(byte[] plaintext) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        try (OutputStream literal = new PGPLiteralDataGenerator().open(packet, PGPLiteralData.BINARY, "", plaintext.length,
                new Date(0))) {
            literal.write(plaintext);
        }
        return packet.toByteArray();
    }

    /**
     * The valid encryption-capable key of a certificate gpg would pick: the newest subkey (or the primary
     * key) that is not revoked or expired and whose key flags allow encryption.
     */
    static Optional<PGPPublicKey> encryptionKey(PGPPublicKeyRing certificate) {
        PGPPublicKey primary = certificate.getPublicKey();
        if (primary.hasRevocation() || expired(primary)) {
            return Optional.empty();
        }
        List<PGPPublicKey> candidates = new ArrayList<>();
        for (PGPPublicKey key : certificate) {
            if (key.isEncryptionKey() && !key.hasRevocation() && !expired(key) && allowsEncryption(key)) {
                candidates.add(key);
            }
        }
        return candidates.stream().max(Comparator
                .comparing((PGPPublicKey key) -> !key.isMasterKey())
                .thenComparing(PGPPublicKey::getCreationTime));
    }

    private static boolean expired(PGPPublicKey key) {
        long validSeconds = key.getValidSeconds();
        return validSeconds > 0 && key.getCreationTime().getTime() + validSeconds * 1000 < System.currentTimeMillis();
    }

    private static boolean allowsEncryption(PGPPublicKey key) {
        int[] types = key.isMasterKey()
                ? new int[] {PGPSignature.DIRECT_KEY, PGPSignature.POSITIVE_CERTIFICATION, PGPSignature.CASUAL_CERTIFICATION,
                        PGPSignature.NO_CERTIFICATION, PGPSignature.DEFAULT_CERTIFICATION}
                : new int[] {PGPSignature.SUBKEY_BINDING};
        PGPSignature latest = null;
        for (int type : types) {
            for (Iterator<PGPSignature> it = key.getSignaturesOfType(type); it.hasNext(); ) {
                PGPSignature signature = it.next();
                if (signature.getHashedSubPackets() != null && signature.getHashedSubPackets().hasSubpacket(
                        SignatureSubpacketTags.KEY_FLAGS)
                        && (latest == null || signature.getCreationTime().after(latest.getCreationTime()))) {
                    latest = signature;
                }
            }
        }
        if (latest == null) {
            return true;
        }
        PGPSignatureSubpacketVector hashed = latest.getHashedSubPackets();
        return (hashed.getKeyFlags() & ENCRYPTION_FLAGS) != 0;
    }

    /**
     * Decrypts with the first recipient whose secret key the keyring holds. A recipient written as key ID 0
     * ({@code gpg --throw-keyids}) names no key: every secret encryption key of the home is tried for it, those
     * of {@code fingerprint} first, as gpg and Go's openpgp do.
     */
    static byte[] decrypt(String armored, GnupgKeyring keyring, String fingerprint) throws PgpFailure {
        PGPEncryptedDataList recipients = encryptedDataList(armored);
        PgpFailure unusable = null;
        boolean anonymous = false;
        for (PGPEncryptedData data : recipients) {
            if (!(data instanceof PGPPublicKeyEncryptedData encrypted)) {
                continue;
            }
            if (encrypted.getKeyID() == ANONYMOUS) {
                anonymous = true;
                continue;
            }
            Optional<PGPPrivateKey> privateKey;
            try {
                privateKey = keyring.privateKey(encrypted.getKeyID());
            } catch (PgpFailure e) {
                unusable = e;
                continue;
            }
            if (privateKey.isPresent()) {
                return decrypt(encrypted, privateKey.get());
            }
        }
        if (anonymous) {
            Optional<byte[]> plaintext = decryptAnonymous(armored, keyring, fingerprint);
            if (plaintext.isPresent()) {
                return plaintext.get();
            }
        }
        if (unusable != null) {
            throw unusable;
        }
        throw new PgpFailure("no secret key for " + fingerprint + " in " + keyring.directory()
                + (anonymous ? " (the message hides its recipient; every secret encryption key was tried)" : ""));
    }

    private static final long ANONYMOUS = 0L;

    private static Optional<byte[]> decryptAnonymous(String armored, GnupgKeyring keyring, String fingerprint)
            throws PgpFailure {
        for (long keyId : keyring.encryptionKeyIds(fingerprint)) {
            Optional<PGPPrivateKey> privateKey;
            try {
                privateKey = keyring.privateKey(keyId);
            } catch (PgpFailure protectedOrUnreadable) {
                continue;
            }
            if (privateKey.isEmpty()) {
                continue;
            }
            // parsed again for every key: a failed attempt may have consumed the encrypted data
            for (PGPEncryptedData data : encryptedDataList(armored)) {
                if (data instanceof PGPPublicKeyEncryptedData encrypted && encrypted.getKeyID() == ANONYMOUS
                        && encrypted.getAlgorithm() == privateKey.get().getPublicKeyPacket().getAlgorithm()) {
                    try {
                        return Optional.of(decrypt(encrypted, privateKey.get()));
                    } catch (PgpFailure notThisKey) {
                        // the session key is not for this key: try the next one
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static PGPEncryptedDataList encryptedDataList(String armored) throws PgpFailure {
        try {
            byte[] binary;
            try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(armored.strip().getBytes(StandardCharsets.US_ASCII)))) {
                binary = in.readAllBytes();
            }
            BcPGPObjectFactory factory = new BcPGPObjectFactory(binary);
            Object next = factory.nextObject();
            while (next instanceof PGPMarker) {
                next = factory.nextObject();
            }
            if (next instanceof PGPEncryptedDataList list) {
                return list;
            }
            throw new PgpFailure("the encrypted key is not an OpenPGP encrypted message");
        } catch (IOException | RuntimeException e) {
            throw new PgpFailure("the encrypted key is not a valid armored OpenPGP message: " + e.getMessage(), e);
        }
    }

    private static byte[] decrypt(PGPPublicKeyEncryptedData encrypted, PGPPrivateKey privateKey) throws PgpFailure {
        try {
            InputStream clear = encrypted.getDataStream(new BcPublicKeyDataDecryptorFactory(privateKey));
            Object content = new BcPGPObjectFactory(clear).nextObject();
            if (content instanceof PGPCompressedData compressed) {
                content = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (!(content instanceof PGPLiteralData literal)) {
                throw new PgpFailure("the encrypted key does not contain literal data");
            }
            byte[] plaintext = literal.getDataStream().readAllBytes();
            if (!encrypted.isIntegrityProtected()) {
                throw new PgpFailure("the encrypted key has no integrity protection");
            }
            if (!encrypted.verify()) {
                throw new PgpFailure("the encrypted key failed its integrity check");
            }
            return plaintext;
        } catch (IOException | PGPException | RuntimeException e) {
            throw new PgpFailure("decryption failed: " + e.getMessage(), e);
        }
    }
}
