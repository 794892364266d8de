package io.sops4j.keys.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.bcpg.SecretKeyPacket;
import org.bouncycastle.gpg.keybox.KeyBlob;
import org.bouncycastle.gpg.keybox.PublicKeyRingBlob;
import org.bouncycastle.gpg.keybox.bc.BcKeyBox;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.bc.BcPGPSecretKeyRingCollection;

/**
 * The keys of a GnuPG home directory, read without gpg: public keys from {@code pubring.kbx} (GnuPG 2.1+)
 * and the legacy {@code pubring.gpg}; secret keys from the legacy {@code secring.gpg} and from
 * gpg-agent's {@code private-keys-v1.d/<keygrip>.key} files.
 */
final class GnupgKeyring {

    private final GnupgHome home;
    private List<PGPPublicKeyRing> certificates;
    private List<PGPSecretKeyRing> legacySecretRings;

    GnupgKeyring(GnupgHome home) {
        this.home = home;
    }

    Path directory() {
        return home.directory();
    }

    /** The certificate whose primary key or a subkey has {@code fingerprint} (or ends with it, for a 16-digit key ID). */
    Optional<PGPPublicKeyRing> certificate(String fingerprint) throws PgpFailure {
        String wanted = fingerprint.toUpperCase(Locale.ROOT);
        if (wanted.length() < 16) {
            return Optional.empty();
        }
        for (PGPPublicKeyRing ring : certificates()) {
            for (PGPPublicKey key : ring) {
                if (hex(key.getFingerprint()).endsWith(wanted)) {
                    return Optional.of(ring);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The unprotected private key with this key ID, or empty when this home holds no secret for it.
     *
     * @throws PgpFailure when the secret exists but is passphrase-protected, on a card, or unreadable
     */
    Optional<PGPPrivateKey> privateKey(long keyId) throws PgpFailure {
        for (PGPSecretKeyRing ring : legacySecretRings()) {
            PGPSecretKey secret = ring.getSecretKey(keyId);
            if (secret != null && !secret.isPrivateKeyEmpty()) {
                return Optional.of(extract(secret));
            }
        }
        Path agentKeys = home.resolve("private-keys-v1.d");
        if (!Files.isDirectory(agentKeys)) {
            return Optional.empty();
        }
        for (PGPPublicKey publicKey : publicKeys(keyId)) {
            Optional<Path> file = agentKeyFile(agentKeys, publicKey);
            if (file.isPresent()) {
                return Optional.of(AgentSecretKeys.read(file.get(), publicKey));
            }
        }
        return Optional.empty();
    }

    /**
     * The IDs of every encryption-capable key of this home's certificates, those of the certificate of
     * {@code fingerprint} first: the keys to try for a message that hides its recipient.
     */
    List<Long> encryptionKeyIds(String fingerprint) throws PgpFailure {
        List<PGPPublicKeyRing> rings = new ArrayList<>(certificates());
        Optional<PGPPublicKeyRing> preferred = certificate(fingerprint);
        preferred.ifPresent(ring -> {
            rings.remove(ring);
            rings.add(0, ring);
        });
        Set<Long> ids = new LinkedHashSet<>();
        for (PGPPublicKeyRing ring : rings) {
            for (PGPPublicKey key : ring) {
                if (key.isEncryptionKey()) {
                    ids.add(key.getKeyID());
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * gpg-agent names key files by keygrip. The keygrips of RSA keys are computed here; the files of other
     * keys are found by the public key they contain.
     */
    private static Optional<Path> agentKeyFile(Path agentKeys, PGPPublicKey publicKey) throws PgpFailure {
        if (publicKey.getPublicKeyPacket().getKey() instanceof RSAPublicBCPGKey rsaKey) {
            Path file = agentKeys.resolve(rsaKeygrip(rsaKey) + ".key");
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
        try (Stream<Path> files = Files.list(agentKeys)) {
            List<Path> candidates = files.filter(file -> file.getFileName().toString().endsWith(".key")).sorted().toList();
            for (Path file : candidates) {
                if (AgentSecretKeys.holds(file, publicKey)) {
                    return Optional.of(file);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new PgpFailure("cannot list " + agentKeys + ": " + e.getMessage(), e);
        }
    }

    private PGPPrivateKey extract(PGPSecretKey secret) throws PgpFailure {
        if (secret.getS2KUsage() != SecretKeyPacket.USAGE_NONE) {
            throw AgentSecretKeys.passphraseProtected(secret.getKeyID());
        }
        try {
            return secret.extractPrivateKey(null);
        } catch (PGPException | RuntimeException e) {
            throw new PgpFailure("cannot read secret key " + AgentSecretKeys.keyId(secret.getKeyID())
                    + " from " + home.resolve("secring.gpg") + ": " + e.getMessage(), e);
        }
    }

    private List<PGPPublicKey> publicKeys(long keyId) throws PgpFailure {
        List<PGPPublicKey> found = new ArrayList<>();
        for (PGPPublicKeyRing ring : certificates()) {
            PGPPublicKey key = ring.getPublicKey(keyId);
            if (key != null) {
                found.add(key);
            }
        }
        return found;
    }

    private List<PGPPublicKeyRing> certificates() throws PgpFailure {
        if (certificates == null) {
            List<PGPPublicKeyRing> rings = new ArrayList<>(readKeybox(home.resolve("pubring.kbx")));
            rings.addAll(readPublicRings(home.resolve("pubring.gpg")));
            for (PGPSecretKeyRing secretRing : legacySecretRings()) {
                List<PGPPublicKey> keys = new ArrayList<>();
                secretRing.getPublicKeys().forEachRemaining(keys::add);
                rings.add(new PGPPublicKeyRing(keys));
            }
            certificates = rings;
        }
        return certificates;
    }

    private List<PGPSecretKeyRing> legacySecretRings() throws PgpFailure {
        if (legacySecretRings == null) {
            Path file = home.resolve("secring.gpg");
            List<PGPSecretKeyRing> rings = new ArrayList<>();
            if (Files.isRegularFile(file)) {
                try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
                    new BcPGPSecretKeyRingCollection(in).forEach(rings::add);
                } catch (IOException | PGPException | RuntimeException e) {
                    throw new PgpFailure("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
            legacySecretRings = rings;
        }
        return legacySecretRings;
    }

    private static List<PGPPublicKeyRing> readKeybox(Path file) throws PgpFailure {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rings;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length == 0) {
                return rings;
            }
            for (KeyBlob blob : new BcKeyBox(content).getKeyBlobs()) {
                if (blob instanceof PublicKeyRingBlob openPgpBlob) {
                    rings.add(openPgpBlob.getPGPPublicKeyRing());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PgpFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rings;
    }

    private static List<PGPPublicKeyRing> readPublicRings(Path file) throws PgpFailure {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rings;
        }
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            new BcPGPPublicKeyRingCollection(in).forEach(rings::add);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new PgpFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rings;
    }

    /**
     * libgcrypt's keygrip of an RSA key: the SHA-1 of the modulus as gpg-agent stores it, a signed big-endian
     * integer (with a leading zero byte when the top bit is set). Bouncy Castle's KeyGripCalculator drops
     * that byte in some releases (1.85, which Spring Cloud 2025.1 selects) and so misses every key file.
     */
    static String rsaKeygrip(RSAPublicBCPGKey key) throws PgpFailure {
        try {
            return hex(MessageDigest.getInstance("SHA-1").digest(key.getModulus().toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new PgpFailure("cannot compute keygrips: " + e.getMessage(), e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
