package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.keys.KeyEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link PluginConnection} reads from a plugin's standard output, fed through a stream. */
class PluginConnectionTest {

    @TempDir
    Path dir;

    private PluginConnection fromPlugin(String output) {
        return fromPlugin(output.getBytes(StandardCharsets.ISO_8859_1));
    }

    private PluginConnection fromPlugin(byte[] output) {
        PluginHost host = new PluginHost(KeyEnvironment.of(Map.of(), dir),
                new TerminalPluginUi(dir.resolve("no-tty"), false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                Duration.ofSeconds(10));
        return new PluginConnection("test", host, new ByteArrayInputStream(output), new ByteArrayOutputStream());
    }

    @Test
    void readsAStanzaWhoseBodySpansFullLines() {
        byte[] body = new byte[60];
        String encoded = AgeCrypto.rawBase64(body);
        Stanza stanza = fromPlugin("-> file-key 0\n" + encoded.substring(0, 64) + "\n" + encoded.substring(64) + "\n").read();
        assertThat(stanza.type()).isEqualTo("file-key");
        assertThat(stanza.args()).containsExactly("0");
        assertThat(stanza.body()).isEqualTo(body);
    }

    @Test
    void refusesWhatIsNotAStanza() {
        assertThatThrownBy(() -> fromPlugin("-> \n\n").read())
                .isInstanceOf(AgeFailure.class).hasMessage("test plugin: invalid response from the plugin: malformed stanza argument");
        assertThatThrownBy(() -> fromPlugin("file-key 0\n\n").read())
                .hasMessage("test plugin: invalid response from the plugin: malformed stanza opening line");
        assertThatThrownBy(() -> fromPlugin("-> ok\nnot base64!\n").read())
                .hasMessage("test plugin: invalid response from the plugin: malformed stanza body");
    }

    @Test
    void anOutputThatEndsEarlyIsAFailureNamingThePlugin() {
        assertThatThrownBy(() -> fromPlugin("-> done\n").read())
                .isInstanceOf(AgeFailure.class)
                .hasMessage("test plugin: the plugin ended before the protocol did");
    }

    @Test
    void linesAndBodiesAreBounded() {
        assertThatThrownBy(() -> fromPlugin("-> " + "a".repeat(20_000) + "\n").read())
                .hasMessage("test plugin: invalid response from the plugin: line too long");
        String fullLine = AgeCrypto.rawBase64(new byte[48]) + "\n";
        assertThatThrownBy(() -> fromPlugin("-> ok\n" + fullLine.repeat(1024 * 1024 / 48 + 2)).read())
                .hasMessage("test plugin: invalid response from the plugin: stanza body too long");
    }

    @Test
    void aConfirmRequestWithOptionsThatAreNotBase64FailsTheConversation() {
        PluginConnection plugin = fromPlugin("");
        PluginRequests requests = new PluginRequests("test", new TerminalPluginUi(dir.resolve("no-tty"), false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), plugin);
        assertThatThrownBy(() -> requests.handle(new Stanza("confirm", List.of("!!"), new byte[0])))
                .hasMessage("test plugin: malformed confirm stanza: invalid option encoding");
    }
}
