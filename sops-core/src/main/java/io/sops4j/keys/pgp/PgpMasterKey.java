package io.sops4j.keys.pgp;

import io.sops4j.error.DataKeyException;
import io.sops4j.internal.go.GoFormat;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data key wrapped for a PGP key, stored as {@code created_at}, {@code enc} (an armored OpenPGP message)
 * and {@code fp}. The {@code gpg} program is used first, exactly as upstream sops calls it; when there is no
 * gpg or it fails, the keyrings of the GnuPG home are read directly with Bouncy Castle.
 */
public final class PgpMasterKey implements MasterKey {

    static final String TYPE = "pgp";

    private final String fingerprint;
    private final String encryptedKey;
    private final OffsetDateTime createdAt;

    PgpMasterKey(String fingerprint, String encryptedKey, OffsetDateTime createdAt) {
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.encryptedKey = Objects.requireNonNull(encryptedKey, "encryptedKey");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A key for {@code fingerprint} (spaces removed, case kept), created now, holding no wrapped copy yet. */
    static PgpMasterKey fromFingerprint(String fingerprint) {
        return new PgpMasterKey(fingerprint.replace(" ", ""), "",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String id() {
        return fingerprint;
    }

    /**
     * The key fingerprint as given.
     *
     * @return the key fingerprint as given
     */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String encryptedKey() {
        return encryptedKey;
    }

    /**
     * When this key was added to the file.
     *
     * @return when this key was added to the file
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    @Override
    public PgpMasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        GnupgHome home = GnupgHome.of(environment);
        List<PgpFailure> failures = new ArrayList<>();
        Optional<GpgBinary> gpg = GpgBinary.find(environment, home);
        if (gpg.isPresent()) {
            try {
                return withEncryptedKey(gpg.get().encrypt(plaintext, fingerprint));
            } catch (PgpFailure e) {
                failures.add(e);
            }
        }
        try {
            GnupgKeyring keyring = new GnupgKeyring(home);
            var certificate = keyring.certificate(fingerprint).orElseThrow(
                    () -> new PgpFailure("no public key for " + fingerprint + " in " + home.directory()));
            return withEncryptedKey(OpenPgpMessages.encrypt(plaintext, certificate));
        } catch (PgpFailure e) {
            failures.add(e);
        }
        throw failed("encrypt", failures);
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        if (encryptedKey.isEmpty()) {
            throw new DataKeyException("PGP key " + fingerprint + " holds no encrypted data key");
        }
        GnupgHome home = GnupgHome.of(environment);
        List<PgpFailure> failures = new ArrayList<>();
        Optional<GpgBinary> gpg = GpgBinary.find(environment, home);
        if (gpg.isPresent()) {
            try {
                return gpg.get().decrypt(encryptedKey);
            } catch (PgpFailure e) {
                failures.add(e);
            }
        }
        try {
            return OpenPgpMessages.decrypt(encryptedKey, new GnupgKeyring(home), fingerprint);
        } catch (PgpFailure e) {
            failures.add(e);
        }
        throw failed("decrypt", failures);
    }

    private DataKeyException failed(String operation, List<PgpFailure> failures) {
        StringBuilder message = new StringBuilder("failed to ").append(operation)
                .append(" the data key with PGP key ").append(fingerprint).append(": ");
        for (int i = 0; i < failures.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(failures.get(i).getMessage());
        }
        DataKeyException exception = new DataKeyException(message.toString(), null, failures.get(failures.size() - 1));
        failures.subList(0, failures.size() - 1).forEach(exception::addSuppressed);
        return exception;
    }

    private PgpMasterKey withEncryptedKey(String armored) {
        return new PgpMasterKey(fingerprint, armored, createdAt);
    }

    @Override
    public TreeBranch toMetadata() {
        return new TreeBranch()
                .add("created_at", GoFormat.formatTimeSeconds(createdAt.withOffsetSameInstant(ZoneOffset.UTC)))
                .add("enc", encryptedKey)
                .add("fp", fingerprint);
    }

    @Override
    public String toString() {
        return "PgpMasterKey[" + fingerprint + "]";
    }
}
