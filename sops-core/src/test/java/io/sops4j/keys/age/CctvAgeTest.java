package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CctvAgeTest {

    @Test
    void allVectorsArePresent() {
        assertThat(CctvVectors.all()).hasSize(CctvVectors.EXPECTED_COUNT);
    }

    @TestFactory
    Stream<DynamicTest> everyVectorGivesTheExpectedOutcome() {
        return CctvVectors.all().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    private static void check(CctvVectors.Vector vector) throws Exception {
        List<Identity> identities = new ArrayList<>();
        for (String identity : vector.all("identity")) {
            identities.add(IdentityText.parseIdentity(identity, "test vector"));
        }
        for (String passphrase : vector.all("passphrase")) {
            identities.add(new ScryptIdentity(passphrase.getBytes(StandardCharsets.UTF_8), "test vector"));
        }
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        String outcome = "success";
        try {
            byte[] file = "yes".equals(vector.first("armored")) ? Armor.decode(vector.body()) : vector.body();
            AgeFile.decrypt(file, identities, released);
        } catch (AgeFailure e) {
            outcome = switch (e.kind()) {
                case ARMOR -> "armor failure";
                case HEADER, UNSUPPORTED -> "header failure";
                case NO_MATCH -> "no match";
                case HMAC -> "HMAC failure";
                case PAYLOAD -> "payload failure";
                case PLUGIN -> "plugin failure";
            };
        }
        assertThat(outcome).as(vector.first("comment")).isEqualTo(vector.expect());
        String payload = vector.first("payload");
        if (payload != null) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(released.toByteArray());
            assertThat(HexFormat.of().formatHex(hash)).isEqualTo(payload);
        }
    }
}
