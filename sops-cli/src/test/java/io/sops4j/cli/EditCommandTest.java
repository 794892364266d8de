package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditCommandTest {

    @TempDir
    Path dir;

    private static String ciphertext(String file, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"(ENC\\[[^\"]*)\"").matcher(file);
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    @Test
    void savesChangesAndKeepsTheCiphertextOfUnchangedValues() throws Exception {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\", \"b\": \"other\"}");
        String before = cli.read("s.json");
        Path editor = cli.script("editor.sh", "sed -i 's/\"secret\"/\"changed\"/' \"$1\"");

        Cli.Result result = cli.env("SOPS_EDITOR", editor.toString()).run("edit", "s.json");

        assertThat(result.exit()).as(result.err()).isZero();
        String after = cli.read("s.json");
        assertThat(ciphertext(after, "b")).isEqualTo(ciphertext(before, "b"));
        assertThat(ciphertext(after, "a")).isNotEqualTo(ciphertext(before, "a"));
        assertThat(after).doesNotContain("changed");
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"changed\"", "\"b\": \"other\"");
        cli.assertNoTemporaryFiles();
    }

    @Test
    void editorSeesThePlaintextInAPrivateDirectoryUnderTheFileName() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        Path editor = cli.script("editor.sh", "stat -c '%a' \"$(dirname \"$1\")\" \"$1\" > " + dir.resolve("seen")
                + "; basename \"$1\" >> " + dir.resolve("seen") + "; sed -i 's/secret/changed/' \"$1\"");

        assertThat(cli.env("EDITOR", editor.toString()).run("edit", "s.json").exit()).isZero();

        assertThat(cli.read("seen")).isEqualTo("700\n600\ns.json\n");
    }

    @Test
    void unchangedFileExits200AndLeavesTheFileAlone() throws Exception {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        String before = cli.read("s.json");

        Cli.Result result = cli.env("SOPS_EDITOR", "true").run("edit", "s.json");

        assertThat(result.exit()).isEqualTo(200);
        assertThat(result.err()).contains("File has not changed");
        assertThat(cli.read("s.json")).isEqualTo(before);
        cli.assertNoTemporaryFiles();
    }

    @Test
    void editorCommandIsSplitLikeAShellAndEditorWinsOverPath() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        Path editor = cli.script("my editor.sh", "sed -i \"s/secret/$1/\" \"$2\"");

        Cli.Result result = cli.env("SOPS_EDITOR", "'" + editor + "' \"new value\"").env("EDITOR", "false").run("edit", "s.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"new value\"");
    }

    @Test
    void noEditorExits201() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        Cli.Result result = cli.env("PATH", dir.resolve("empty").toString()).run("edit", "s.json");
        assertThat(result.exit()).isEqualTo(201);
        assertThat(result.err()).contains("Could not find an editor");

        Cli.Result failing = new Cli(dir).env("SOPS_EDITOR", "false").run("edit", "s.json");
        assertThat(failing.exit()).isEqualTo(201);
        cli.assertNoTemporaryFiles();
    }

    @Test
    void invalidContentWithoutATerminalFailsClearlyAndLeavesNoPlaintext() throws Exception {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        String before = cli.read("s.json");
        Path editor = cli.script("editor.sh", "echo '{\"a\": \"typed secret\", broken' > \"$1\"");

        Cli.Result result = cli.env("SOPS_EDITOR", editor.toString()).run("edit", "s.json");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("s.json", "not a terminal", "discarded").doesNotContain("typed secret");
        assertThat(cli.read("s.json")).isEqualTo(before);
        cli.assertNoTemporaryFiles();
    }

    @Test
    void newFileStartsFromUpstreamsExampleWithKeysFromFlags() {
        Cli cli = new Cli(dir);
        Path editor = cli.script("editor.sh", "cp \"$1\" " + dir.resolve("template") + "; sed -i 's/example_value\"/mine\"/' \"$1\"");

        Cli.Result result = cli.env("SOPS_EDITOR", editor.toString()).run("edit", "--age", Cli.AGE_RECIPIENT, "new.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.read("template")).isEqualTo("""
                {
                \t"hello": "Welcome to SOPS! Edit this file as you please!",
                \t"example_key": "example_value",
                \t"example_array": [
                \t\t"example_value1",
                \t\t"example_value2"
                \t],
                \t"example_number": 1234.56789,
                \t"example_booleans": [
                \t\ttrue,
                \t\tfalse
                \t]
                }
                """);
        assertThat(cli.read("new.json")).contains(Cli.AGE_RECIPIENT, "\"version\": \"3.13.2\"").doesNotContain("mine");
        assertThat(cli.decrypt("new.json")).contains("\"example_key\": \"mine\"");
    }

    @Test
    void newFileWithoutKeysFailsBeforeTheEditorRuns() {
        Cli cli = new Cli(dir);
        Path editor = cli.script("editor.sh", "touch " + dir.resolve("ran"));

        Cli.Result result = cli.env("SOPS_EDITOR", editor.toString()).run("edit", "new.json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("no keys provided");
        assertThat(Files.exists(dir.resolve("ran"))).isFalse();
        assertThat(Files.exists(dir.resolve("new.json"))).isFalse();
    }

    @Test
    void showMasterKeysLetsTheEditorSeeTheMetadata() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        Path editor = cli.script("editor.sh", "grep -c " + Cli.AGE_RECIPIENT + " \"$1\" > " + dir.resolve("seen")
                + "; sed -i 's/\"secret\"/\"changed\"/' \"$1\"");

        Cli.Result result = cli.env("SOPS_EDITOR", editor.toString()).run("edit", "--show-master-keys", "s.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.read("seen")).isEqualTo("1\n");
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"changed\"");
    }

    @Test
    void legacyFormWithoutSubcommandEdits() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        Path editor = cli.script("editor.sh", "sed -i 's/secret/legacy/' \"$1\"");
        Cli.Result result = cli.env("SOPS_EDITOR", editor.toString()).run("s.json");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.decrypt("s.json")).contains("legacy");
    }
}
