package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir
    Path dir;

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\"[^\"]*\")").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void rotateGivesEveryValueANewDataKeyAndCanAddAndRemoveRecipients() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        String before = cli.read("s.json");

        Cli.Result stdout = cli.run("rotate", "s.json");
        assertThat(stdout.exit()).as(stdout.err()).isZero();
        assertThat(field(stdout.out(), "a")).isNotEqualTo(field(before, "a"));
        assertThat(cli.read("s.json")).isEqualTo(before);

        Cli.Result added = cli.run("rotate", "-i", "--add-age", Cli.OTHER_RECIPIENT, "s.json");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(cli.read("s.json")).contains(Cli.OTHER_RECIPIENT, Cli.AGE_RECIPIENT);

        Cli.Result removed = cli.run("rotate", "--output", "out.json", "--rm-age", Cli.OTHER_RECIPIENT, "s.json");
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(cli.read("out.json")).doesNotContain(Cli.OTHER_RECIPIENT).contains("\"version\": \"3.13.2\"");
        assertThat(cli.decrypt("out.json")).contains("\"a\": \"secret\"");
    }

    @Test
    void rotateChangingKeysOfAMissingFileExits49() {
        Cli cli = new Cli(dir);
        Cli.Result result = cli.run("rotate", "--add-age", Cli.AGE_RECIPIENT, "missing.json");
        assertThat(result.exit()).isEqualTo(49);
        assertThat(cli.run("rotate", "missing.json").exit()).isEqualTo(100);
    }

    @Test
    void rotateWithoutTheIdentityFailsWith128AndWritesNothing() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        String before = cli.read("s.json");
        Cli.Result result = cli.env("SOPS_AGE_KEY", null).run("rotate", "-i", "s.json");
        assertThat(result.exit()).isEqualTo(128);
        assertThat(result.err()).contains("s.json");
        assertThat(cli.read("s.json")).isEqualTo(before);
    }

    @Test
    void updatekeysAppliesTheCreationRuleAfterConfirmationAndLeavesValuesAlone() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        String before = cli.read("s.json");
        cli.write(".sops.yaml", "creation_rules:\n  - path_regex: s\\.json$\n    age: " + Cli.AGE_RECIPIENT + "," + Cli.OTHER_RECIPIENT + "\n");

        Cli.Result declined = cli.runWithInput("n\n", "updatekeys", "s.json");
        assertThat(declined.exit()).isZero();
        assertThat(declined.out()).isEqualTo("The following changes will be made to the file's groups:\nGroup 1\n    "
                + Cli.AGE_RECIPIENT + "\n+++ " + Cli.OTHER_RECIPIENT + "\nIs this okay? (y/n):");
        assertThat(cli.read("s.json")).isEqualTo(before);

        Cli.Result accepted = cli.runWithInput("y\n", "updatekeys", "s.json");
        assertThat(accepted.exit()).as(accepted.err()).isZero();
        String after = cli.read("s.json");
        assertThat(after).contains(Cli.OTHER_RECIPIENT);
        for (String name : new String[] {"a", "mac", "lastmodified", "version"}) {
            assertThat(field(after, name)).as(name).isEqualTo(field(before, name));
        }

        Cli.Result upToDate = cli.run("updatekeys", "-y", "s.json");
        assertThat(upToDate.exit()).isZero();
        assertThat(upToDate.err()).contains("already up to date");
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"secret\"");
    }

    @Test
    void updatekeysNeedsAConfigFile() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        Cli.Result result = cli.run("updatekeys", "-y", "s.json");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("config file not found");
    }

    @Test
    void groupsAddAndDeleteReSplitTheDataKey() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");

        Cli.Result add = cli.run("groups", "add", "--file", "s.json", "-i", "--age", Cli.AGE_RECIPIENT);
        assertThat(add.exit()).as(add.err()).isZero();
        String twoGroups = cli.read("s.json");
        assertThat(twoGroups).contains("\"key_groups\"");
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"secret\"");

        Cli.Result refused = cli.run("groups", "delete", "--file", "s.json", "--shamir-secret-sharing-threshold", "2", "0");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("Shamir threshold");

        Cli.Result delete = cli.run("groups", "delete", "--file", "s.json", "0");
        assertThat(delete.exit()).as(delete.err()).isZero();
        assertThat(delete.out()).doesNotContain("key_groups");
        assertThat(cli.read("s.json")).isEqualTo(twoGroups);
    }

    @Test
    void badEncryptionContextExits6BeforeAnyKeyIsUsed() {
        Cli cli = new Cli(dir);
        cli.write("p.json", "{\"a\": \"secret\"}");
        Cli.Result result = cli.run("encrypt", "--kms", "arn:aws:kms:eu-west-1:111122223333:key/abc",
                "--encryption-context", "novalue", "p.json");
        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("encryption context");
        assertThat(result.out()).isEmpty();
    }
}
