package io.sops4j.keys.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.testing.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PGP keys against the real gpg program and the keyrings it writes, in both directions. */
class PgpGnupgInteropTest {

    private static final String KEY_1 = "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4";
    private static final String KEY_2 = "D7229043384BCC60326C6FB9D8720D957C3D3074";
    private static final String FLUX_KEY = "B59DAF469E8C948138901A649732075EA221A7EA";
    private static final byte[] VECTOR_DATA_KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private GnupgFixture gnupg;

    @BeforeEach
    void setUp() {
        GnupgFixture.assumeGpg();
        gnupg = new GnupgFixture(temp);
    }

    @AfterEach
    void stopAgents() {
        if (gnupg != null) {
            gnupg.close();
        }
    }

    private Path functionalTestKeys() {
        return Conformance.upstreamSops().resolve("pgp/sops_functional_tests_key.asc");
    }

    private Path homeWithFunctionalTestKeys() throws Exception {
        Path home = gnupg.newHome();
        gnupg.importKeys(home, functionalTestKeys());
        return home;
    }

    private static String vectorMessage() {
        List<String> messages = GnupgFixture.armoredMessages(
                Conformance.readString(Conformance.vectors().resolve("vec_yaml.yaml")));
        assertThat(messages).isNotEmpty();
        return messages.get(0);
    }

    /** The gpg-agent key files of a home; imported keys stay "openpgp-native" until the agent first uses them. */
    private static List<String> agentKeyFiles(Path home) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("private-keys-v1.d"))) {
            return files.map(file -> Conformance.readString(file)).toList();
        }
    }

    private static PgpMasterKey stored(String fingerprint, String enc) {
        return new PgpMasterKey(fingerprint, enc, CREATED);
    }

    @Test
    void vectorDecryptsWithTheGpgProgram() throws Exception {
        Path home = homeWithFunctionalTestKeys();

        assertThat(stored(KEY_1, vectorMessage()).decrypt(gnupg.withGpg(home))).isEqualTo(VECTOR_DATA_KEY);
    }

    @Test
    void vectorDecryptsFromTheKeyboxAndAgentKeysGpgWroteOnImport() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        assertThat(home.resolve("pubring.kbx")).isRegularFile();
        assertThat(home.resolve("pubring.gpg")).doesNotExist();
        assertThat(home.resolve("secring.gpg")).doesNotExist();
        assertThat(agentKeyFiles(home)).allSatisfy(text -> assertThat(text).contains("(protected openpgp-native"));

        assertThat(stored(KEY_1, vectorMessage()).decrypt(gnupg.withoutGpg(home))).isEqualTo(VECTOR_DATA_KEY);
    }

    @Test
    void vectorDecryptsFromAgentKeysAfterGpgUsedThem() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        stored(KEY_1, vectorMessage()).decrypt(gnupg.withGpg(home));
        assertThat(agentKeyFiles(home)).anySatisfy(text -> assertThat(text).contains("Key: (private-key (rsa"));

        assertThat(stored(KEY_1, vectorMessage()).decrypt(gnupg.withoutGpg(home))).isEqualTo(VECTOR_DATA_KEY);
    }

    @Test
    void legacyKeyringsEncryptAndDecryptWithoutGpg() throws Exception {
        Path ring = Conformance.upstreamSops().resolve("pgp/testdata/ring");
        KeyEnvironment legacy = gnupg.withoutGpg(ring);
        byte[] dataKey = randomKey();

        PgpMasterKey encrypted = PgpMasterKey.fromFingerprint(FLUX_KEY).encrypt(dataKey, legacy);

        assertThat(encrypted.decrypt(legacy)).isEqualTo(dataKey);
        Path gpgHome = gnupg.newHome();
        gnupg.importKeys(gpgHome, Conformance.upstreamSops().resolve("pgp/testdata/private.gpg"));
        assertThat(encrypted.decrypt(gnupg.withGpg(gpgHome))).isEqualTo(dataKey);
    }

    @Test
    void legacySecretKeyringDecryptsWhatGpgEncrypted() throws Exception {
        Path gpgHome = gnupg.newHome();
        gnupg.importKeys(gpgHome, Conformance.upstreamSops().resolve("pgp/testdata/public.gpg"));
        byte[] dataKey = randomKey();

        PgpMasterKey encrypted = PgpMasterKey.fromFingerprint(FLUX_KEY).encrypt(dataKey, gnupg.withGpg(gpgHome));

        KeyEnvironment legacy = gnupg.withoutGpg(Conformance.upstreamSops().resolve("pgp/testdata/ring"));
        assertThat(encrypted.decrypt(legacy)).isEqualTo(dataKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "future-default", "rsa2048"})
    void messagesWrittenWithoutGpgDecryptWithGpgAndTheReverse(String algorithm) throws Exception {
        Path home = gnupg.newHome();
        String fingerprint = gnupg.generateKey(home, "Test " + algorithm + " <test@example.org>", algorithm, "");
        byte[] dataKey = randomKey();

        PgpMasterKey byBouncyCastle = PgpMasterKey.fromFingerprint(fingerprint).encrypt(dataKey, gnupg.withoutGpg(home));
        PgpMasterKey byGpg = PgpMasterKey.fromFingerprint(fingerprint).encrypt(dataKey, gnupg.withGpg(home));

        assertThat(byBouncyCastle.decrypt(gnupg.withGpg(home))).isEqualTo(dataKey);
        assertThat(byGpg.decrypt(gnupg.withoutGpg(home))).isEqualTo(dataKey);
        assertThat(byBouncyCastle.decrypt(gnupg.withoutGpg(home))).isEqualTo(dataKey);
    }

    @Test
    void rsaKeygripsAreThoseGpgNamesAgentKeyFilesBy() throws Exception {
        Path home = gnupg.newHome();
        String fingerprint = gnupg.generateKey(home, "Grip <grip@example.org>", "rsa2048", "");
        Matcher listed = Pattern.compile("(?m)^fpr:+([0-9A-F]{40}):\\R^grp:+([0-9A-F]{40}):")
                .matcher(gnupg.gpg(home, null, "--with-colons", "--with-keygrip", "--list-keys", fingerprint));
        List<String> expected = new ArrayList<>();
        List<String> computed = new ArrayList<>();
        GnupgKeyring keyring = new GnupgKeyring(new GnupgHome(home, true));
        while (listed.find()) {
            expected.add(listed.group(2));
            PGPPublicKey key = keyring.certificate(listed.group(1)).orElseThrow().getPublicKey(
                    HexFormat.of().parseHex(listed.group(1)));
            computed.add(GnupgKeyring.rsaKeygrip((RSAPublicBCPGKey) key.getPublicKeyPacket().getKey()));
        }

        assertThat(expected).hasSize(2);
        assertThat(computed).isEqualTo(expected);
        assertThat(home.resolve("private-keys-v1.d")).isDirectoryContaining(
                file -> file.getFileName().toString().equals(expected.get(0) + ".key"));
    }

    @Test
    void messagesWrittenWithoutGpgLookLikeGpgArmor() throws Exception {
        Path home = homeWithFunctionalTestKeys();

        String bc = PgpMasterKey.fromFingerprint(KEY_1).encrypt(randomKey(), gnupg.withoutGpg(home)).encryptedKey();
        String gpg = PgpMasterKey.fromFingerprint(KEY_1).encrypt(randomKey(), gnupg.withGpg(home)).encryptedKey();

        for (String armored : List.of(bc, gpg)) {
            List<String> lines = armored.lines().toList();
            assertThat(lines.get(0)).isEqualTo("-----BEGIN PGP MESSAGE-----");
            assertThat(lines.get(1)).isEmpty();
            assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END PGP MESSAGE-----");
            assertThat(lines.get(lines.size() - 2)).matches("=[A-Za-z0-9+/]{4}");
            assertThat(lines.subList(2, lines.size() - 2)).allSatisfy(line -> assertThat(line).matches("[A-Za-z0-9+/=]{1,64}"));
            assertThat(lines.subList(2, lines.size() - 3)).allSatisfy(line -> assertThat(line).hasSize(64));
            assertThat(armored).doesNotContain("Version:").doesNotContain("\r").isEqualTo(armored.strip());
        }
        assertThat(gnupg.gpg(home, bc.getBytes(StandardCharsets.US_ASCII), "--list-packets"))
                .contains(":pubkey enc packet: version 3, algo 1, keyid 25294A17CD90507F")
                .contains(":literal data packet:")
                .contains("mode b")
                .doesNotContain(":signature packet:")
                .doesNotContain(":compressed packet:");
    }

    @Test
    void everyPgpEntryOfUpstreamExamplesDecryptsToTheSameDataKey() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        List<String[]> entries = new ArrayList<>();
        for (String file : List.of("example.yaml", "example.json")) {
            entries.addAll(entriesWithFingerprint(Conformance.readString(Conformance.upstreamSops().resolve(file))));
        }
        assertThat(entries).extracting(e -> e[0]).containsExactly(KEY_1, KEY_2, KEY_1, KEY_2);

        List<byte[]> yamlKeys = new ArrayList<>();
        for (String[] entry : entries) {
            byte[] viaBouncyCastle = stored(entry[0], entry[1]).decrypt(gnupg.withoutGpg(home));
            byte[] viaGpg = stored(entry[0], entry[1]).decrypt(gnupg.withGpg(home));
            assertThat(viaBouncyCastle).hasSize(32).isEqualTo(viaGpg);
            yamlKeys.add(viaBouncyCastle);
        }
        assertThat(yamlKeys.get(1)).isEqualTo(yamlKeys.get(0));
        assertThat(yamlKeys.get(3)).isEqualTo(yamlKeys.get(2));
    }

    private static List<String[]> entriesWithFingerprint(String text) {
        List<String[]> entries = new ArrayList<>();
        String unescaped = text.replace("\\n", "\n");
        Pattern fp = Pattern.compile("\"?fp\"?\\s*:\\s*\"?([0-9A-F]{40})");
        int from = 0;
        for (String message : GnupgFixture.armoredMessages(text)) {
            int end = unescaped.indexOf("-----END PGP MESSAGE-----", from);
            Matcher matcher = fp.matcher(unescaped);
            assertThat(matcher.find(end)).isTrue();
            entries.add(new String[] {matcher.group(1), message});
            from = end + 1;
        }
        return entries;
    }

    @Test
    void missingSecretKeyIsReportedByEachMechanism() throws Exception {
        Path empty = gnupg.newHome();
        PgpMasterKey key = stored(KEY_1, vectorMessage());

        assertThatThrownBy(() -> key.decrypt(gnupg.withoutGpg(empty)))
                .isInstanceOf(DataKeyException.class)
                .hasMessage("failed to decrypt the data key with PGP key " + KEY_1 + ": no secret key for " + KEY_1 + " in " + empty);
        assertThatThrownBy(() -> key.decrypt(gnupg.withGpg(empty)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("gpg failed: decryption failed: No secret key")
                .hasMessageContaining("no secret key for " + KEY_1);
    }

    @Test
    void publicKeyWithoutSecretCannotDecrypt() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        String key3 = "B611A2F9F11D0FF82568805119F9B5DAEA91FF86";
        byte[] dataKey = randomKey();
        PgpMasterKey encrypted = PgpMasterKey.fromFingerprint(key3).encrypt(dataKey, gnupg.withoutGpg(home));

        assertThatThrownBy(() -> encrypted.decrypt(gnupg.withoutGpg(home)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("no secret key for " + key3);
        assertMessageHoldsNoSecret(() -> encrypted.decrypt(gnupg.withGpg(home)), dataKey, encrypted.encryptedKey());
    }

    /** A message to {@code recipient} made by the real gpg with {@code --throw-keyids}: its recipient is key ID 0. */
    private String hiddenRecipientMessage(Path home, String recipient, byte[] dataKey) throws Exception {
        String armored = gnupg.gpg(home, dataKey, "--trust-model", "always", "--throw-keyids", "--armor", "--encrypt",
                "--recipient", recipient).strip();
        assertThat(recipientKeyIds(armored)).containsExactly(0L);
        return armored;
    }

    private static List<Long> recipientKeyIds(String armored) throws IOException {
        try (var in = new org.bouncycastle.bcpg.ArmoredInputStream(
                new java.io.ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            Object packets = new org.bouncycastle.openpgp.bc.BcPGPObjectFactory(in.readAllBytes()).nextObject();
            List<Long> ids = new ArrayList<>();
            for (var data : (org.bouncycastle.openpgp.PGPEncryptedDataList) packets) {
                ids.add(((org.bouncycastle.openpgp.PGPPublicKeyEncryptedData) data).getKeyID());
            }
            return ids;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {KEY_1, KEY_2})
    void hiddenRecipientDecryptsWithoutGpg(String fingerprint) throws Exception {
        Path home = homeWithFunctionalTestKeys();
        byte[] dataKey = randomKey();
        String message = hiddenRecipientMessage(home, fingerprint, dataKey);

        assertThat(stored(fingerprint, message).decrypt(gnupg.withoutGpg(home))).isEqualTo(dataKey);
        assertThat(stored(fingerprint, message).decrypt(gnupg.withGpg(home))).isEqualTo(dataKey);
    }

    @Test
    void hiddenRecipientIsFoundAmongEverySecretKeyOfTheHome() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        String ecc = gnupg.generateKey(home, "Hidden ECC <hidden@example.org>", "future-default", "");
        byte[] dataKey = randomKey();

        assertThat(stored(KEY_1, hiddenRecipientMessage(home, KEY_2, dataKey)).decrypt(gnupg.withoutGpg(home)))
                .isEqualTo(dataKey);
        assertThat(stored(KEY_1, hiddenRecipientMessage(home, ecc, dataKey)).decrypt(gnupg.withoutGpg(home)))
                .isEqualTo(dataKey);
    }

    @Test
    void hiddenRecipientWithoutItsSecretKeyIsReported() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        String key3 = "B611A2F9F11D0FF82568805119F9B5DAEA91FF86";
        byte[] dataKey = randomKey();
        String message = hiddenRecipientMessage(home, key3, dataKey);

        assertThatThrownBy(() -> stored(key3, message).decrypt(gnupg.withoutGpg(home)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("no secret key for " + key3)
                .hasMessageContaining("hides its recipient");
    }

    @Test
    void unknownFingerprintCannotEncrypt() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        String unknown = "0123456789ABCDEF0123456789ABCDEF01234567";
        byte[] dataKey = randomKey();

        assertThatThrownBy(() -> PgpMasterKey.fromFingerprint(unknown).encrypt(dataKey, gnupg.withoutGpg(home)))
                .isInstanceOf(DataKeyException.class)
                .hasMessage("failed to encrypt the data key with PGP key " + unknown + ": no public key for " + unknown + " in " + home);
        assertThatThrownBy(() -> PgpMasterKey.fromFingerprint(unknown).encrypt(dataKey, gnupg.withGpg(home)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("gpg failed: " + unknown + ": skipped: No public key")
                .hasMessageContaining("no public key for " + unknown);
    }

    @Test
    void corruptedArmorIsRejected() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        String message = vectorMessage();
        String corrupted = message.replace("hQEMAyUpShfNkFB/AQf/e0P7", "hQEMAyUpShfNkFB/AQf/e0P8");
        assertThat(corrupted).isNotEqualTo(message);

        for (KeyEnvironment environment : List.of(gnupg.withoutGpg(home), gnupg.withGpg(home))) {
            assertMessageHoldsNoSecret(() -> stored(KEY_1, corrupted).decrypt(environment), VECTOR_DATA_KEY, corrupted);
        }
        assertThatThrownBy(() -> stored(KEY_1, corrupted).decrypt(gnupg.withoutGpg(home)))
                .hasMessageContaining("not a valid armored OpenPGP message");
        assertThatThrownBy(() -> stored(KEY_1, "not armor").decrypt(gnupg.withoutGpg(home)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageStartingWith("failed to decrypt the data key with PGP key " + KEY_1);
    }

    @Test
    void passphraseProtectedKeyNeedsGpg() throws Exception {
        Path home = gnupg.newHome();
        String fingerprint = gnupg.generateKey(home, "Protected <protected@example.org>", "future-default", "correct horse");
        byte[] dataKey = randomKey();
        PgpMasterKey encrypted = PgpMasterKey.fromFingerprint(fingerprint).encrypt(dataKey, gnupg.withoutGpg(home));

        assertThatThrownBy(() -> encrypted.decrypt(gnupg.withoutGpg(home)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("is passphrase-protected")
                .hasMessageNotContaining("correct horse");
    }

    @Test
    void explicitGpgExecutableIsUsed() throws Exception {
        Path home = homeWithFunctionalTestKeys();
        Path missing = temp.resolve("no-such-gpg");
        KeyEnvironment environment = gnupg.withGpg(home).with("SOPS_GPG_EXEC", missing.toString());

        assertThat(GpgBinary.find(environment, GnupgHome.of(environment))).isEmpty();
        assertThat(stored(KEY_1, vectorMessage()).decrypt(environment)).isEqualTo(VECTOR_DATA_KEY);

        Path failing = Files.writeString(temp.resolve("failing-gpg"), "#!/bin/sh\necho 'gpg: simulated failure' >&2\nexit 2\n");
        failing.toFile().setExecutable(true);
        KeyEnvironment broken = gnupg.withGpg(gnupg.newHome()).with("SOPS_GPG_EXEC", failing.toString());
        assertThatThrownBy(() -> stored(KEY_1, vectorMessage()).decrypt(broken))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("gpg failed: simulated failure");
    }

    private static void assertMessageHoldsNoSecret(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                                   byte[] dataKey, String enc) {
        assertThatThrownBy(call)
                .isInstanceOf(DataKeyException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(HexFormat.of().formatHex(dataKey))
                        .doesNotContain(new String(dataKey, StandardCharsets.ISO_8859_1))
                        .doesNotContain(enc.lines().skip(2).findFirst().orElseThrow()));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
