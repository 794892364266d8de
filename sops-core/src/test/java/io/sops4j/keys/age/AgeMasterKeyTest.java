package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.FormatException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.testing.Conformance;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgeMasterKeyTest {

    static final String IDENTITY = "AGE-SECRET-KEY-1G0Q5K9TV4REQ3ZSQRMTMG8NSWQGYT0T7TZ33RAZEE0GZYVZN0APSU24RK7";
    static final String RECIPIENT = "age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun";

    @TempDir
    Path home;

    private KeyEnvironment withKey(String identity) {
        return KeyEnvironment.of(Map.of("SOPS_AGE_KEY", identity), home);
    }

    @Test
    void upstreamTestIdentityHasTheUpstreamRecipient() {
        assertThat(AgeKeys.recipientOf(IDENTITY)).isEqualTo(RECIPIENT);
    }

    @Test
    void generatedIdentitiesRoundTrip() {
        AgeKeys.KeyPair pair = AgeKeys.generateX25519();
        assertThat(pair.identity()).startsWith("AGE-SECRET-KEY-1");
        assertThat(pair.recipient()).startsWith("age1");
        assertThat(AgeKeys.recipientOf(pair.identity())).isEqualTo(pair.recipient());
        assertThat(pair.toString()).doesNotContain(pair.identity());
    }

    @Test
    void encryptsToAnArmoredFileThatDecryptsWithTheIdentity() {
        byte[] dataKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            dataKey[i] = (byte) i;
        }
        MasterKey key = AgeMasterKey.forRecipient(" " + RECIPIENT + "\n").encrypt(dataKey, withKey(IDENTITY));
        assertThat(key.id()).isEqualTo(RECIPIENT);
        assertThat(key.encryptedKey()).startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n").endsWith("\n-----END AGE ENCRYPTED FILE-----\n");
        for (String line : key.encryptedKey().split("\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(64);
        }
        assertThat(key.decrypt(withKey(IDENTITY))).isEqualTo(dataKey);
    }

    @Test
    void metadataEntryHasEncThenRecipient() {
        MasterKey key = AgeMasterKey.forRecipient(RECIPIENT).encrypt(new byte[32], withKey(IDENTITY));
        TreeBranch entry = key.toMetadata();
        assertThat(entry.items()).extracting(TreeItem::key).containsExactly("enc", "recipient");
        MasterKey read = AgeKeys.keySource().fromMetadata(entry);
        assertThat(read.encryptedKey()).isEqualTo(key.encryptedKey());
        assertThat(read.id()).isEqualTo(RECIPIENT);
    }

    @Test
    void isRegisteredAsAServiceProvider() {
        assertThat(KeySources.installed().find("age")).get()
                .extracting(source -> source.fromIdentifier(RECIPIENT)).isInstanceOf(AgeMasterKey.class);
    }

    @Test
    void wrongIdentityFailsNamingTheRecipientWithoutKeyMaterial() {
        MasterKey key = AgeMasterKey.forRecipient(RECIPIENT).encrypt(new byte[32], withKey(IDENTITY));
        String other = AgeKeys.generateX25519().identity();
        assertThatThrownBy(() -> key.decrypt(withKey(other)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining(RECIPIENT)
                .hasMessageContaining("no identity matched")
                .hasMessageContaining("SOPS_AGE_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(other).doesNotContain("AGE-SECRET-KEY"));
    }

    @Test
    void noIdentitiesAtAllFailsListingWhereItLooked() {
        MasterKey key = AgeMasterKey.forRecipient(RECIPIENT).encrypt(new byte[32], withKey(IDENTITY));
        assertThatThrownBy(() -> key.decrypt(KeyEnvironment.of(Map.of(), home)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("failed to load age identities for recipient " + RECIPIENT)
                .hasMessageContaining("SOPS_AGE_KEY_FILE")
                .hasMessageContaining(home.resolve(".config/sops/age/keys.txt").toString());
    }

    @Test
    void recipientListsAreSplitOnCommasAndTrimmed() {
        String other = AgeKeys.generateX25519().recipient();
        assertThat(AgeKeys.parseRecipients(RECIPIENT + " , " + other)).containsExactly(RECIPIENT, other);
        assertThat(AgeKeys.parseRecipients("")).isEmpty();
        assertThat(AgeKeys.recipients(RECIPIENT)).extracting(AgeMasterKey::recipient).containsExactly(RECIPIENT);
    }

    @Test
    void unsupportedAndMalformedRecipientsFailClearly() {
        assertThatThrownBy(() -> AgeKeys.parseRecipients("age1yubikey1qabc")).isInstanceOf(FormatException.class)
                .hasMessageContaining("malformed age plugin recipient");
        assertThatThrownBy(() -> AgeKeys.parseRecipients("age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvuq"))
                .isInstanceOf(FormatException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> AgeKeys.keySource().fromIdentifier("pgp:abc")).isInstanceOf(FormatException.class)
                .hasMessageContaining("unknown recipient type");
        assertThatThrownBy(() -> AgeKeys.parseRecipients("ssh-dss AAAAB3NzaC1kc3MAAACBAP")).isInstanceOf(FormatException.class);
    }

    @Test
    void decryptsTheSopsVectors() {
        for (String file : new String[] {"vec_yaml.yaml", "vec_json.json"}) {
            String text = Conformance.readString(Conformance.vectors().resolve(file));
            Matcher m = Pattern.compile("-----BEGIN AGE ENCRYPTED FILE-----(?:\\\\n|\\n\\s*)(.*?)-----END AGE ENCRYPTED FILE-----",
                    Pattern.DOTALL).matcher(text);
            assertThat(m.find()).as(file).isTrue();
            String body = m.group(1).replace("\\n", "\n").replaceAll("(?m)^\\s+", "");
            String enc = "-----BEGIN AGE ENCRYPTED FILE-----\n" + body + "-----END AGE ENCRYPTED FILE-----\n";
            byte[] expected = new byte[32];
            for (int i = 0; i < 32; i++) {
                expected[i] = (byte) i;
            }
            assertThat(AgeMasterKey.stored(RECIPIENT, enc).decrypt(withKey(IDENTITY))).as(file).isEqualTo(expected);
        }
    }
}
