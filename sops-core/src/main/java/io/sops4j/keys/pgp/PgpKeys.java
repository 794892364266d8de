package io.sops4j.keys.pgp;

import io.sops4j.keys.KeySource;
import java.util.ArrayList;
import java.util.List;

/**
 * PGP keys: {@link #fingerprint} and {@link #fingerprints} make the master keys a file is
 * encrypted for. Decryption finds secret keys through {@code gpg} or {@code GNUPGHOME}.
 *
 * <pre>{@code
 * EncryptionOptions options = EncryptionOptions.withKeys(PgpKeys.fingerprint("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4"));
 * }</pre>
 */
public final class PgpKeys {

    private PgpKeys() {
    }

    /**
     * A master key for a key fingerprint (spaces removed, case kept), created now, holding no wrapped data key yet.
     *
     * @param fingerprint the key fingerprint
     * @return the master key
     */
    public static PgpMasterKey fingerprint(String fingerprint) {
        return PgpMasterKey.fromFingerprint(fingerprint);
    }

    /**
     * One master key per fingerprint of a comma-separated list, as {@code --pgp} takes them; blank entries are skipped.
     *
     * @param commaSeparated fingerprints separated by commas
     * @return one master key per fingerprint of a comma-separated list, as {@code --pgp} takes them
     */
    public static List<PgpMasterKey> fingerprints(String commaSeparated) {
        List<PgpMasterKey> keys = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            if (!part.isBlank()) {
                keys.add(fingerprint(part.strip()));
            }
        }
        return keys;
    }

    /**
     * The {@code pgp} key source, reading stored {@code pgp} entries; {@link io.sops4j.keys.KeySources#installed()}
     * holds it too.
     *
     * @return the {@code pgp} key source, reading stored {@code pgp} entries
     */
    public static KeySource keySource() {
        return new PgpKeySource();
    }
}
