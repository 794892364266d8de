package io.sops4j.keyservice.internal;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.keyservice.internal.proto.DecryptRequest;
import io.sops4j.keyservice.internal.proto.DecryptResponse;
import io.sops4j.keyservice.internal.proto.EncryptRequest;
import io.sops4j.keyservice.internal.proto.EncryptResponse;
import io.sops4j.keyservice.internal.proto.Key;
import io.sops4j.keyservice.internal.proto.KeyServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The server side: each request's key is read as its key source reads a stored entry and used with
 * the server's own credentials. Errors are gRPC statuses as upstream's server sends them: no key
 * or an unknown type {@code NOT_FOUND}, a declined prompt {@code PERMISSION_DENIED}, a failing key
 * its key source's message.
 */
public final class KeyServiceHandler extends KeyServiceGrpc.KeyServiceImplBase {

    private final KeySources sources;
    private final KeyEnvironment environment;
    private final BiPredicate<String, String> approval;

    /**
     * @param approval asked with the request kind ({@code encrypt}, {@code decrypt}) and the key
     *     before each request; {@code null} approves every request
     */
    public KeyServiceHandler(KeySources sources, KeyEnvironment environment, BiPredicate<String, String> approval) {
        this.sources = sources;
        this.environment = environment;
        this.approval = approval;
    }

    @Override
    public void encrypt(EncryptRequest request, StreamObserver<EncryptResponse> response) {
        answer(response, () -> {
            MasterKey key = key(request.hasKey() ? request.getKey() : null, "");
            approve("encrypt", key);
            byte[] plaintext = request.getPlaintext().toByteArray();
            try {
                MasterKey holding = key.encrypt(plaintext, environment);
                return EncryptResponse.newBuilder()
                        .setCiphertext(ByteString.copyFrom(holding.encryptedKey(), StandardCharsets.UTF_8)).build();
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        });
    }

    @Override
    public void decrypt(DecryptRequest request, StreamObserver<DecryptResponse> response) {
        answer(response, () -> {
            MasterKey key = key(request.hasKey() ? request.getKey() : null, request.getCiphertext().toStringUtf8());
            approve("decrypt", key);
            byte[] plaintext = key.decrypt(environment);
            try {
                return DecryptResponse.newBuilder().setPlaintext(ByteString.copyFrom(plaintext)).build();
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        });
    }

    private MasterKey key(Key message, String encryptedKey) {
        if (message == null || message.getKeyTypeCase() == Key.KeyTypeCase.KEYTYPE_NOT_SET) {
            throw Status.NOT_FOUND.withDescription("Must provide a key").asRuntimeException();
        }
        String type = KeyMessages.type(message).orElseThrow();
        KeySource source = sources.find(type).orElseThrow(() ->
                Status.NOT_FOUND.withDescription("Unknown key type").asRuntimeException());
        return source.fromMetadata(KeyMessages.toEntry(message, encryptedKey, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private synchronized void approve(String request, MasterKey key) {
        if (approval != null && !approval.test(request, key.type() + " key " + key.id())) {
            throw Status.PERMISSION_DENIED.withDescription("Request rejected by user").asRuntimeException();
        }
    }

    private static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        } catch (SopsException e) {
            response.onError(Status.UNKNOWN.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            response.onError(Status.INTERNAL.withDescription(e.getClass().getSimpleName()).asRuntimeException());
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
