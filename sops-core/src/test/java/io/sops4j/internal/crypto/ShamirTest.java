package io.sops4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ShamirTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SECRET = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void combinesUpstreamShares() {
        byte[] s0 = HEX.parseHex("1f8e3cbac21456d598ed3a39ad34af43596b83580d8a13a952cc90eaceca3bc601");
        byte[] s1 = HEX.parseHex("3e047e6a9327a6b833da6a6f557f579782e52b8526301c708ca815e2a3a854b602");
        byte[] s2 = HEX.parseHex("218b40d35536f66aa33e5a5df446f6dbcb9fbace3faf19cec67d9f13717f716f03");
        assertThat(Shamir.combine(List.of(s0, s1))).isEqualTo(SECRET);
        assertThat(Shamir.combine(List.of(s0, s2))).isEqualTo(SECRET);
        assertThat(Shamir.combine(List.of(s2, s1))).isEqualTo(SECRET);
        assertThat(Shamir.combine(List.of(s0, s1, s2))).isEqualTo(SECRET);
    }

    @RepeatedTest(20)
    void anyThresholdOfSharesRecoversTheSecret() {
        Random random = new Random();
        int parts = 2 + random.nextInt(5);
        int threshold = 2 + random.nextInt(parts - 1);
        byte[][] shares = Shamir.split(SECRET, parts, threshold);
        for (int i = 0; i < parts; i++) {
            assertThat(shares[i]).hasSize(33);
            assertThat(shares[i][32]).isEqualTo((byte) (i + 1));
        }
        List<byte[]> subset = new java.util.ArrayList<>(List.of(shares));
        java.util.Collections.shuffle(subset, random);
        assertThat(Shamir.combine(subset.subList(0, threshold))).isEqualTo(SECRET);
        if (threshold > 2) {
            assertThat(Shamir.combine(subset.subList(0, threshold - 1))).isNotEqualTo(SECRET);
        }
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> Shamir.split(SECRET, 3, 1)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Shamir.split(SECRET, 2, 3)).hasMessageContaining("less than threshold");
        assertThatThrownBy(() -> Shamir.combine(List.of(SECRET))).hasMessageContaining("two parts");
        byte[] share = Shamir.split(SECRET, 2, 2)[0];
        assertThatThrownBy(() -> Shamir.combine(List.of(share, share))).hasMessageContaining("duplicate");
    }

    @Test
    void fieldArithmetic() {
        assertThat(Shamir.mul(0x57, 0x83)).isEqualTo(0xc1);
        for (int a = 1; a < 256; a++) {
            assertThat(Shamir.mul(Shamir.div(1, a), a)).isEqualTo(1);
        }
    }
}
