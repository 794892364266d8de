package io.sops4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** The JDK's and Bouncy Castle's primitives give the same bytes, and each opens what the other sealed. */
class PrimitivesTest {

    private static final Primitives JDK = JdkPrimitives.INSTANCE;
    private static final Primitives LIGHTWEIGHT = LightweightPrimitives.INSTANCE;

    private final Random random = new Random(20261206);

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    @Test
    void aesGcmAgreesOnRandomInputs() throws Exception {
        for (int round = 0; round < 50; round++) {
            byte[] key = bytes(32);
            Primitives.AesGcm jdk = JDK.aesGcm(key);
            Primitives.AesGcm lightweight = LIGHTWEIGHT.aesGcm(key);
            for (int value = 0; value < 20; value++) {
                byte[] iv = bytes(32);
                byte[] aad = bytes(random.nextInt(40));
                byte[] plaintext = bytes(random.nextInt(300));
                byte[] sealed = jdk.seal(iv, aad, plaintext);
                assertThat(lightweight.seal(iv, aad, plaintext)).isEqualTo(sealed);
                assertThat(lightweight.open(iv, aad, sealed)).isEqualTo(plaintext);
                assertThat(jdk.open(iv, aad, sealed)).isEqualTo(plaintext);
            }
        }
    }

    @Test
    void aesGcmMatchesAKnownAnswer() throws Exception {
        // NIST GCM test vector (gcmEncryptExtIV256.rsp, Count 0 of Keylen 256, IVlen 96, PTlen 128, AADlen 0)
        HexFormat hex = HexFormat.of();
        byte[] key = hex.parseHex("31bdadd96698c204aa9ce1448ea94ae1fb4a9a0b3c9d773b51bb1822666b8f22");
        byte[] iv = hex.parseHex("0d18e06c7c725ac9e362e1ce");
        byte[] plaintext = hex.parseHex("2db5168e932556f8089a0622981d017d");
        String expected = "fa4362189661d163fcd6a56d8bf0405a" + "d636ac1bbedd5cc3ee727dc2ab4a9489";
        for (Primitives primitives : new Primitives[] {JDK, LIGHTWEIGHT}) {
            assertThat(hex.formatHex(primitives.aesGcm(key).seal(iv, new byte[0], plaintext))).isEqualTo(expected);
        }
    }

    @Test
    void aesGcmRefusesAChangedTagDataOrAdditionalData() throws Exception {
        byte[] key = bytes(32);
        byte[] iv = bytes(32);
        byte[] aad = "key:".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = JDK.aesGcm(key).seal(iv, aad, "secret".getBytes(StandardCharsets.UTF_8));
        for (Primitives primitives : new Primitives[] {JDK, LIGHTWEIGHT}) {
            Primitives.AesGcm cipher = primitives.aesGcm(key);
            for (int i = 0; i < sealed.length; i++) {
                byte[] changed = sealed.clone();
                changed[i] ^= 1;
                assertThatThrownBy(() -> cipher.open(iv, aad, changed)).isInstanceOf(AEADBadTagException.class);
            }
            assertThatThrownBy(() -> cipher.open(iv, "other:".getBytes(StandardCharsets.UTF_8), sealed))
                    .isInstanceOf(AEADBadTagException.class);
            // a failed open leaves the cipher usable
            assertThat(cipher.open(iv, aad, sealed)).asString(StandardCharsets.UTF_8).isEqualTo("secret");
        }
    }

    @Test
    void aesGcmEncryptsTwiceWithTheSameIv() throws Exception {
        byte[] key = bytes(32);
        byte[] iv = bytes(32);
        byte[] plaintext = bytes(17);
        for (Primitives primitives : new Primitives[] {JDK, LIGHTWEIGHT}) {
            Primitives.AesGcm cipher = primitives.aesGcm(key);
            byte[] first = cipher.seal(iv, new byte[0], plaintext);
            assertThat(cipher.seal(iv, new byte[0], plaintext)).isEqualTo(first);
        }
    }

    @Test
    void sha512AndHmacAgree() {
        for (int round = 0; round < 100; round++) {
            byte[] first = bytes(random.nextInt(200));
            byte[] second = bytes(random.nextInt(200));
            Primitives.Sha512 jdk = JDK.sha512();
            Primitives.Sha512 lightweight = LIGHTWEIGHT.sha512();
            jdk.update(first);
            jdk.update(second);
            lightweight.update(first);
            lightweight.update(second);
            assertThat(lightweight.digest()).hasSize(64).isEqualTo(jdk.digest());

            byte[] key = bytes(random.nextInt(100));
            assertThat(LIGHTWEIGHT.hmacSha256(key, first)).hasSize(32).isEqualTo(JDK.hmacSha256(key, first));
        }
    }

    @Test
    void chaCha20Poly1305AgreesAndRefusesChangedInput() {
        for (int round = 0; round < 100; round++) {
            byte[] key = bytes(32);
            byte[] nonce = bytes(12);
            byte[] plaintext = bytes(random.nextInt(100));
            byte[] sealed = JDK.chaCha20Poly1305Seal(key, nonce, plaintext);
            assertThat(LIGHTWEIGHT.chaCha20Poly1305Seal(key, nonce, plaintext)).isEqualTo(sealed);
            byte[] framed = new byte[sealed.length + 3];
            System.arraycopy(sealed, 0, framed, 2, sealed.length);
            for (Primitives primitives : new Primitives[] {JDK, LIGHTWEIGHT}) {
                assertThat(primitives.chaCha20Poly1305Open(key, nonce, framed, 2, sealed.length)).isEqualTo(plaintext);
                byte[] changed = framed.clone();
                changed[2 + random.nextInt(sealed.length)] ^= 0x40;
                assertThat(primitives.chaCha20Poly1305Open(key, nonce, changed, 2, sealed.length)).isNull();
            }
        }
    }

    @Test
    void preparingRunsOnADaemonThreadThatEnds() throws Exception {
        for (Primitives primitives : new Primitives[] {JDK, LIGHTWEIGHT}) {
            Thread thread = primitives.prepareInBackground();
            assertThat(thread).isNotSameAs(Thread.currentThread());
            assertThat(thread.isDaemon()).isTrue();
            thread.join(30_000);
            assertThat(thread.getState()).isEqualTo(Thread.State.TERMINATED);
            byte[] key = bytes(32);
            byte[] iv = bytes(12);
            assertThat(primitives.aesGcm(key).open(iv, new byte[0], primitives.aesGcm(key).seal(iv, new byte[0], iv)))
                    .isEqualTo(iv);
        }
    }

    @Test
    void thePropertyChoosesTheImplementation() {
        String before = System.getProperty(Primitives.PROPERTY);
        try {
            System.setProperty(Primitives.PROPERTY, "bouncycastle");
            assertThat(Primitives.current()).isSameAs(LIGHTWEIGHT);
            System.setProperty(Primitives.PROPERTY, "jdk");
            assertThat(Primitives.current()).isSameAs(JDK);
            System.clearProperty(Primitives.PROPERTY);
            assertThat(Primitives.current()).isSameAs(JDK);
        } finally {
            if (before == null) {
                System.clearProperty(Primitives.PROPERTY);
            } else {
                System.setProperty(Primitives.PROPERTY, before);
            }
        }
        assertThat(Arrays.asList(JDK, LIGHTWEIGHT)).doesNotHaveDuplicates();
    }
}
