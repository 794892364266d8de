package io.sops4j.kms.gcp;

import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.kms.v1.DecryptRequest;
import com.google.cloud.kms.v1.DecryptResponse;
import com.google.cloud.kms.v1.EncryptRequest;
import com.google.cloud.kms.v1.EncryptResponse;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sops4j.kms.TestCertificate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.StandInCipher;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An in-process gRPC {@code google.cloud.kms.v1.KeyManagementService} with {@code Encrypt} and
 * {@code Decrypt}, doing AES-GCM per key and checking the bearer token of each call.
 */
public final class GcpKmsStandIn implements AutoCloseable {

    private static final String SERVICE = "google.cloud.kms.v1.KeyManagementService";
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    public final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> bearerTokens = new CopyOnWriteArrayList<>();
    final AtomicInteger throttleNext = new AtomicInteger();
    final AtomicInteger unavailableNext = new AtomicInteger();

    private final Set<String> knownKeys;
    private final Predicate<String> acceptsToken;
    private final StandInCipher cipher = new StandInCipher();
    private final String name = "gcp-kms-" + System.nanoTime();
    private final Server server;

    public GcpKmsStandIn(Set<String> knownKeys, Predicate<String> acceptsToken) throws IOException {
        this(knownKeys, acceptsToken, null);
    }

    /**
     * Serves gRPC over TLS with {@code certificate} on a loopback port when given (see
     * {@link #endpoint()}), else in process only.
     */
    public GcpKmsStandIn(Set<String> knownKeys, Predicate<String> acceptsToken, TestCertificate certificate) throws IOException {
        this.knownKeys = knownKeys;
        this.acceptsToken = acceptsToken;
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(method("Encrypt", EncryptRequest.getDefaultInstance(), EncryptResponse.getDefaultInstance()),
                        ServerCalls.asyncUnaryCall(this::encrypt))
                .addMethod(method("Decrypt", DecryptRequest.getDefaultInstance(), DecryptResponse.getDefaultInstance()),
                        ServerCalls.asyncUnaryCall(this::decrypt))
                .build();
        ServerServiceDefinition authenticated = ServerInterceptors.intercept(service, new Authentication());
        if (certificate == null) {
            server = InProcessServerBuilder.forName(name).addService(authenticated).build().start();
        } else {
            ServerCredentials tls;
            try {
                tls = TlsServerCredentials.newBuilder().keyManager(certificate.keyManagers()).build();
            } catch (Exception e) {
                throw new IOException(e);
            }
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tls)
                    .addService(authenticated).build().start();
        }
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code SOPS_GCP_KMS_ENDPOINT} that reaches the TLS server. */
    public String endpoint() {
        return "127.0.0.1:" + ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    private static <Q extends com.google.protobuf.Message, R extends com.google.protobuf.Message> MethodDescriptor<Q, R> method(
            String method, Q request, R response) {
        return MethodDescriptor.<Q, R>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, method))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response))
                .build();
    }

    /** Clients of this stand-in, built by the production code with only the transport replaced. */
    Function<KeyEnvironment, GcpKmsOperations> connector() {
        return environment -> {
            ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
            GcpKmsOperations client = GcpKmsCalls.open(environment,
                    FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)));
            return new GcpKmsOperations() {
                @Override
                public byte[] encrypt(String resourceId, byte[] plaintext) {
                    return client.encrypt(resourceId, plaintext);
                }

                @Override
                public byte[] decrypt(String resourceId, byte[] ciphertext) {
                    return client.decrypt(resourceId, ciphertext);
                }

                @Override
                public void close() {
                    client.close();
                    channel.shutdownNow();
                }
            };
        };
    }

    /** The {@code gcp_kms} key source with every key it reads reaching this stand-in. */
    public KeySource keySource() {
        GcpKmsKeySource installed = new GcpKmsKeySource();
        return new KeySource() {
            @Override
            public String type() {
                return installed.type();
            }

            @Override
            public MasterKey fromMetadata(TreeBranch entry) {
                return local(installed.fromMetadata(entry));
            }

            @Override
            public MasterKey fromIdentifier(String identifier) {
                return local(installed.fromIdentifier(identifier));
            }
        };
    }

    /** A new key for {@code resourceId} reaching this stand-in. */
    public MasterKey key(String resourceId) {
        return local(GcpKms.key(resourceId));
    }

    private MasterKey local(MasterKey key) {
        return ((GcpKmsMasterKey) key).withConnector(connector());
    }

    private final class Authentication implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String authorization = headers.get(AUTHORIZATION);
            String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
            bearerTokens.add(token);
            calls.add(call.getMethodDescriptor().getBareMethodName());
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                call.close(Status.RESOURCE_EXHAUSTED.withDescription("Quota exceeded"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            if (unavailableNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                call.close(Status.UNAVAILABLE.withDescription("try again"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            if (!acceptsToken.test(token)) {
                call.close(Status.UNAUTHENTICATED.withDescription("Request had invalid authentication credentials."), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            return next.startCall(call, headers);
        }
    }

    private void encrypt(EncryptRequest request, StreamObserver<EncryptResponse> response) {
        if (!knownKeys.contains(request.getName())) {
            response.onError(Status.NOT_FOUND.withDescription(request.getName() + " not found.").asRuntimeException());
            return;
        }
        byte[] ciphertext = cipher.seal(request.getName(), "", request.getPlaintext().toByteArray());
        response.onNext(EncryptResponse.newBuilder().setName(request.getName() + "/cryptoKeyVersions/1")
                .setCiphertext(ByteString.copyFrom(ciphertext)).build());
        response.onCompleted();
    }

    private void decrypt(DecryptRequest request, StreamObserver<DecryptResponse> response) {
        try {
            byte[] plaintext = cipher.open(request.getName(), "", request.getCiphertext().toByteArray());
            response.onNext(DecryptResponse.newBuilder().setPlaintext(ByteString.copyFrom(plaintext)).build());
            response.onCompleted();
        } catch (GeneralSecurityException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("Decryption failed: the ciphertext is invalid.").asRuntimeException());
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
