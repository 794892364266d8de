package io.sops4j.keys.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgpMasterKeyTest {

    @Test
    void isRegisteredAsTheSourceOfPgpEntries() {
        assertThat(KeySources.installed().find("pgp")).get()
                .extracting(source -> source.fromIdentifier("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4"))
                .isInstanceOf(PgpMasterKey.class);
    }

    @Test
    void metadataEntryRoundTripsWithFieldsInGoOrder() {
        TreeBranch entry = new TreeBranch()
                .add("created_at", "2019-12-10T22:45:53Z")
                .add("enc", "-----BEGIN PGP MESSAGE-----\n\nabc\n=AAAA\n-----END PGP MESSAGE-----")
                .add("fp", "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4");

        MasterKey key = PgpKeys.keySource().fromMetadata(entry);

        assertThat(key.type()).isEqualTo("pgp");
        assertThat(key.id()).isEqualTo("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4");
        assertThat(key.encryptedKey()).startsWith("-----BEGIN PGP MESSAGE-----");
        assertThat(key.toMetadata()).isEqualTo(entry);
        assertThat(key.toMetadata().items()).extracting(TreeItem::key).containsExactly("created_at", "enc", "fp");
    }

    @Test
    void createdAtIsWrittenInUtcWithSecondsPrecision() {
        PgpMasterKey key = new PgpMasterKey("ABCD", "x", OffsetDateTime.parse("2020-03-04T05:06:07.891+02:00"));

        assertThat(key.toMetadata().get("created_at")).contains("2020-03-04T03:06:07Z");
    }

    @Test
    void identifierKeepsCaseAndDropsSpaces() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

        PgpMasterKey key = (PgpMasterKey) PgpKeys.keySource().fromIdentifier("fbc7 B9E2 A4F9 289A C0C1  D484 3D16 CEE4 A273 81B4");

        assertThat(key.fingerprint()).isEqualTo("fbc7B9E2A4F9289AC0C1D4843D16CEE4A27381B4");
        assertThat(key.encryptedKey()).isEmpty();
        assertThat(key.createdAt()).isBetween(before, OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(key.createdAt().getNano()).isZero();
    }

    @Test
    void decryptingAKeyWithoutEncryptedDataFails() {
        PgpMasterKey key = PgpMasterKey.fromFingerprint("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4");

        assertThatThrownBy(() -> key.decrypt(KeyEnvironment.of(Map.of(), Path.of("/nonexistent"))))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4");
    }

    @Test
    void gpgDiagnosticsKeepOnlyTheProblemLines() {
        String stderr = """
                gpg: keybox '/tmp/x/pubring.kbx' created
                gpg: encrypted with RSA key, ID 25294A17CD90507F
                      "SOPS Functional Tests Key 1"
                gpg: decryption failed: No secret key
                """;

        assertThat(GpgBinary.summary(stderr, 2)).isEqualTo("decryption failed: No secret key");
        assertThat(GpgBinary.summary("", 2)).isEqualTo("exit status 2");
    }
}
