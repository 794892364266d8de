package io.sops4j.keys.age;

import static io.sops4j.fuzz.Invariant.returnsOrFails;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sops4j.keys.KeyEnvironment;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * What an age plugin writes on its standard output, as both state machines read it: command lines,
 * stanza arguments, base64 bodies, and the requests a plugin may make of the user. No process runs;
 * the bytes come through a stream.
 */
@Timeout(10)
class AgePluginFuzzTest {

    private static final byte[] KEY_DATA = new byte[32];
    private static final PluginHost HOST = new PluginHost(
            KeyEnvironment.of(Map.of(), Path.of(System.getProperty("java.io.tmpdir"))), new AnsweringUi(), Duration.ofSeconds(10));
    private static final PluginIdentity IDENTITY =
            PluginIdentity.parse(Bech32.encode("AGE-PLUGIN-FUZZ-", KEY_DATA), "fuzz", HOST);
    private static final PluginRecipient RECIPIENT = PluginRecipient.parse(Bech32.encode("age1fuzz", KEY_DATA), HOST);
    private static final List<Stanza> HEADER = List.of(new Stanza("fuzz", List.of("arg"), new byte[32]));

    /** {@code identity-v1}: the plugin's answers to a header with one stanza. */
    @FuzzTest
    void identityV1(byte[] fromPlugin) {
        returnsOrFails(AgeFailure.class, () -> IDENTITY.unwrap(connection(fromPlugin), HEADER));
    }

    /** {@code recipient-v1}: the plugin's answers to wrapping a file key. */
    @FuzzTest
    void recipientV1(byte[] fromPlugin) {
        returnsOrFails(AgeFailure.class, () -> RECIPIENT.wrap(connection(fromPlugin), new byte[16]));
    }

    private static PluginConnection connection(byte[] fromPlugin) {
        return new PluginConnection("fuzz", HOST, new ByteArrayInputStream(fromPlugin), OutputStream.nullOutputStream());
    }

    /** A user who answers every request, so that the conversation goes on. */
    private static final class AnsweringUi implements PluginUi {

        @Override
        public void message(String plugin, String message) {
        }

        @Override
        public String requestValue(String plugin, String prompt, boolean secret) {
            return "answer";
        }

        @Override
        public boolean confirm(String plugin, String prompt, String yes, String no) {
            return true;
        }

        @Override
        public void waiting(String plugin) {
        }
    }
}
