package io.sops4j.keyservice;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyService;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.keyservice.internal.Endpoint;
import io.sops4j.keyservice.internal.KeyMessages;
import io.sops4j.keyservice.internal.RpcErrors;
import io.sops4j.keyservice.internal.proto.DecryptRequest;
import io.sops4j.keyservice.internal.proto.EncryptRequest;
import io.sops4j.keyservice.internal.proto.KeyServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A sops key service reached over gRPC, upstream's {@code --keyservice}: it wraps and unwraps data
 * keys with the keys of the machine it runs on, so they never leave it. Speaks upstream's
 * {@code keyservice.proto}, so the server may be upstream's {@code sops keyservice} or sops4j's
 * {@link KeyServiceServer}. Plaintext, as upstream: reach a remote one through an SSH tunnel or a
 * unix socket.
 *
 * <pre>{@code
 * try (KeyServiceClient remote = KeyServiceClient.connect("tcp://127.0.0.1:5000")) {
 *     Sops sops = Sops.builder()
 *             .environment(KeyEnvironment.system().withKeyServices(List.of(remote)))
 *             .build();
 *     ...
 * }
 * }</pre>
 */
public final class KeyServiceClient implements KeyService, AutoCloseable {

    private final String uri;
    private final KeySources sources;
    private final ManagedChannel channel;
    private final KeyServiceGrpc.KeyServiceBlockingStub stub;

    private KeyServiceClient(String uri, KeySources sources, ManagedChannel channel) {
        this.uri = uri;
        this.sources = sources;
        this.channel = channel;
        this.stub = KeyServiceGrpc.newBlockingStub(channel);
    }

    /**
     * A client of the key service at {@code uri}, reading keys with the key sources on the class path.
     * Connects on first use, so a service that is down fails the first request, not this call.
     *
     * @param uri {@code tcp://host:port} or {@code unix:///path/to/socket}
     * @return the client; close it when done
     * @throws SopsException when the URI is neither
     */
    public static KeyServiceClient connect(String uri) {
        return connect(uri, KeySources.installed());
    }

    /**
     * A client of the key service at {@code uri}.
     *
     * @param uri {@code tcp://host:port} or {@code unix:///path/to/socket}
     * @param sources the key sources that read back the keys the service wrapped with
     * @return the client; close it when done
     * @throws SopsException when the URI is neither
     */
    public static KeyServiceClient connect(String uri, KeySources sources) {
        return new KeyServiceClient(uri, sources, Endpoint.fromUri(uri).channel());
    }

    /**
     * The URI this client was made for.
     *
     * @return the URI
     */
    public String uri() {
        return uri;
    }

    @Override
    public MasterKey encrypt(MasterKey key, byte[] plaintext) {
        KeySource source = sources.find(key.type()).orElseThrow(() ->
                new SopsException(ExitCode.GENERIC, "no key source for '" + key.type() + "' keys is installed"));
        EncryptRequest request = EncryptRequest.newBuilder()
                .setKey(KeyMessages.toMessage(key)).setPlaintext(ByteString.copyFrom(plaintext)).build();
        String encryptedKey;
        try {
            encryptedKey = stub.encrypt(request).getCiphertext().toStringUtf8();
        } catch (StatusRuntimeException e) {
            throw new SopsException(ExitCode.GENERIC, RpcErrors.describe(e));
        }
        return source.fromMetadata(KeyMessages.withEncryptedKey(key.toMetadata(), encryptedKey));
    }

    @Override
    public byte[] decrypt(MasterKey key) {
        DecryptRequest request = DecryptRequest.newBuilder()
                .setKey(KeyMessages.toMessage(key))
                .setCiphertext(ByteString.copyFrom(key.encryptedKey(), StandardCharsets.UTF_8)).build();
        try {
            return stub.decrypt(request).getPlaintext().toByteArray();
        } catch (StatusRuntimeException e) {
            throw new SopsException(ExitCode.GENERIC, RpcErrors.describe(e));
        }
    }

    /** Closes the connection. */
    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "KeyServiceClient[" + uri + "]";
    }
}
