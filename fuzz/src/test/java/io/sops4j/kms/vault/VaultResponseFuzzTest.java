package io.sops4j.kms.vault;

import static io.sops4j.fuzz.Invariant.returnsOrFailsTyped;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpServer;
import io.sops4j.keys.KeyEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * The Vault transit client on arbitrary answers (status and body) of a server on the loopback
 * address: the JSON decoding of {@code encrypt} and {@code decrypt} responses and of error lists.
 */
@Timeout(10)
class VaultResponseFuzzTest {

    private static final Answer ANSWER = new Answer();
    private static final HttpServer SERVER = start();
    private static final VaultTransitClient CLIENT = new VaultTransitClient(KeyEnvironment.of(
            Map.of("VAULT_TOKEN", "fuzz-token", "VAULT_MAX_RETRIES", "0", "VAULT_CLIENT_TIMEOUT", "5s"),
            Path.of(System.getProperty("java.io.tmpdir"))));
    private static final VaultTransitMasterKey KEY = new VaultTransitMasterKey(
            "http://127.0.0.1:" + SERVER.getAddress().getPort(), "transit", "fuzz", OffsetDateTime.now(),
            "vault:v1:ZnV6eg==");

    static {
        // the first exchange of a JVM loads the HTTP client's and the server's classes and the JDK's
        // logging, which took more than the 20 s allowed for the first input on a busy machine
        warmUp(200, "{\"data\": {\"plaintext\": \"ZnV6eg==\", \"ciphertext\": \"vault:v1:ZnV6eg==\"}}");
        warmUp(500, "{\"errors\": [\"warming up\"]}");
    }

    private static void warmUp(int status, String body) {
        ANSWER.status = status;
        ANSWER.body = body.getBytes(StandardCharsets.UTF_8);
        try (SilentCloseable toTheServer = allowOnlyTheServer()) {
            CLIENT.decrypt(KEY);
            CLIENT.encrypt(KEY, new byte[32]);
        } catch (RuntimeException e) {
            // the fuzzed runs report what matters
        }
    }

    /** What the server answers next; one request at a time. */
    private static final class Answer {
        volatile int status;
        volatile byte[] body;
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = ANSWER.body;
                exchange.sendResponseHeaders(ANSWER.status, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void decryptResponse(FuzzedDataProvider data) {
        answer(data);
        try (SilentCloseable toTheServer = allowOnlyTheServer()) {
            returnsOrFailsTyped(() -> CLIENT.decrypt(KEY));
        }
    }

    @FuzzTest
    void encryptResponse(FuzzedDataProvider data) {
        answer(data);
        try (SilentCloseable toTheServer = allowOnlyTheServer()) {
            returnsOrFailsTyped(() -> CLIENT.encrypt(KEY, new byte[32]));
        }
    }

    /**
     * Jazzer's request forgery detector reports every connection while a fuzz campaign runs; the
     * stand-in server is the one expected. The detector names the host as resolved back from the
     * address, so the port and a loopback address identify the server.
     */
    private static SilentCloseable allowOnlyTheServer() {
        int port = SERVER.getAddress().getPort();
        return BugDetectors.allowNetworkConnections((host, to) -> to == port && isLoopback(host));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static void answer(FuzzedDataProvider data) {
        int[] statuses = {200, 204, 400, 403, 404, 500, 503};
        ANSWER.status = data.pickValue(statuses);
        ANSWER.body = data.consumeRemainingAsBytes();
    }
}
