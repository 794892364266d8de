package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.keys.age.AgeKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid post-quantum {@code age1pq1...} recipients wherever the command line takes age recipients. */
class HybridAgeRecipientTest {

    private static final AgeKeys.KeyPair HYBRID = AgeKeys.generateHybrid();
    private static final AgeKeys.KeyPair OTHER_HYBRID = AgeKeys.generateHybrid();

    @TempDir
    Path dir;

    /** The stanza types of each age {@code enc} of a JSON sops file, in order. */
    private static List<String> stanzaTypes(String json) {
        List<String> types = new ArrayList<>();
        Matcher enc = Pattern.compile("-----BEGIN AGE ENCRYPTED FILE-----\\\\n(.*?)-----END AGE ENCRYPTED FILE-----").matcher(json);
        while (enc.find()) {
            byte[] file = Base64.getMimeDecoder().decode(enc.group(1).replace("\\n", "\n"));
            Matcher stanza = Pattern.compile("(?m)^-> (\\S+)").matcher(new String(file, StandardCharsets.ISO_8859_1));
            while (stanza.find()) {
                types.add(stanza.group(1));
            }
        }
        return types;
    }

    private Cli cliWithHybridIdentity() {
        return new Cli(dir).env("SOPS_AGE_KEY", HYBRID.identity());
    }

    @Test
    void encryptsWithTheAgeFlagAndDecryptsWithTheHybridIdentity() {
        Cli cli = cliWithHybridIdentity();
        cli.write("s.json", "{\"a\": \"secret\"}");

        Cli.Result result = cli.run("encrypt", "-i", "--age", HYBRID.recipient(), "s.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.read("s.json")).contains("\"recipient\": \"" + HYBRID.recipient() + "\"");
        assertThat(stanzaTypes(cli.read("s.json"))).containsExactly("mlkem768x25519");
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"secret\"");
        Cli.Result wrongKey = cli.env("SOPS_AGE_KEY", OTHER_HYBRID.identity()).run("decrypt", "s.json");
        assertThat(wrongKey.exit()).isEqualTo(128);
        assertThat(wrongKey.err()).doesNotContain(OTHER_HYBRID.identity());
    }

    @Test
    void takesHybridRecipientsFromTheEnvironmentAndMixesThemWithX25519() {
        Cli cli = cliWithHybridIdentity().env("SOPS_AGE_RECIPIENTS", HYBRID.recipient() + " , " + Cli.AGE_RECIPIENT);
        cli.write("s.json", "{\"a\": \"secret\"}");

        Cli.Result result = cli.run("encrypt", "-i", "s.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(stanzaTypes(cli.read("s.json"))).containsExactly("mlkem768x25519", "X25519");
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"secret\"");
        assertThat(cli.env("SOPS_AGE_KEY", Cli.AGE_IDENTITY).decrypt("s.json")).contains("\"a\": \"secret\"");
    }

    @Test
    void takesHybridRecipientsFromTheCreationRules() {
        Cli cli = cliWithHybridIdentity();
        cli.write(".sops.yaml", "creation_rules:\n  - path_regex: \\.json$\n    age: >-\n      " + HYBRID.recipient()
                + ",\n      " + OTHER_HYBRID.recipient() + "\n");
        cli.write("s.json", "{\"a\": \"secret\"}");

        Cli.Result result = cli.run("encrypt", "-i", "s.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.read("s.json")).contains(HYBRID.recipient(), OTHER_HYBRID.recipient());
        assertThat(stanzaTypes(cli.read("s.json"))).containsExactly("mlkem768x25519", "mlkem768x25519");
        assertThat(cli.env("SOPS_AGE_KEY", OTHER_HYBRID.identity()).decrypt("s.json")).contains("\"a\": \"secret\"");
    }

    @Test
    void rotateAddsAHybridRecipient() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");

        Cli.Result added = cli.run("rotate", "-i", "--add-age", HYBRID.recipient(), "s.json");

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(stanzaTypes(cli.read("s.json"))).containsExactly("X25519", "mlkem768x25519");
        assertThat(cli.env("SOPS_AGE_KEY", HYBRID.identity()).decrypt("s.json")).contains("\"a\": \"secret\"");
    }

    @Test
    void aMalformedHybridRecipientIsAUsageErrorNamingTheCause() {
        Cli cli = cliWithHybridIdentity();
        cli.write("s.json", "{\"a\": \"secret\"}");
        String broken = HYBRID.recipient().substring(0, HYBRID.recipient().length() - 1)
                + (HYBRID.recipient().endsWith("q") ? "p" : "q");

        Cli.Result result = cli.run("encrypt", "--age", broken, "s.json");

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("malformed age hybrid recipient", "checksum").doesNotContain("Exception");
        assertThat(cli.read("s.json")).isEqualTo("{\"a\": \"secret\"}");
    }
}
