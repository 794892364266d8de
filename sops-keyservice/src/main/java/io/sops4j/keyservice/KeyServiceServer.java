package io.sops4j.keyservice;

import io.grpc.Server;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keyservice.internal.Endpoint;
import io.sops4j.keyservice.internal.KeyServiceHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * A sops key service, upstream's {@code sops keyservice}: wraps and unwraps data keys for its
 * clients with the keys of its own {@link KeyEnvironment}. Speaks upstream's
 * {@code keyservice.proto} without TLS, as upstream; listen on loopback or a unix socket and
 * reach it from elsewhere through an SSH tunnel.
 */
public final class KeyServiceServer implements AutoCloseable {

    private final Endpoint endpoint;
    private final Server server;
    private final EventLoopGroup[] groups;

    private KeyServiceServer(Endpoint endpoint, Server server, EventLoopGroup[] groups) {
        this.endpoint = endpoint;
        this.server = server;
        this.groups = groups;
    }

    /**
     * Starts a server that answers every request.
     *
     * @param network {@code tcp} or {@code unix}
     * @param address {@code host:port} (port 0 picks a free one) or a socket path
     * @param sources the key sources that read the keys named in requests
     * @param environment where those keys find their credentials
     * @return the running server; close it to stop
     * @throws SopsException when it cannot listen there
     */
    public static KeyServiceServer start(String network, String address, KeySources sources, KeyEnvironment environment) {
        return start(network, address, sources, environment, null);
    }

    /**
     * Starts a server that asks before each request, as upstream's {@code --prompt}.
     *
     * @param network {@code tcp} or {@code unix}
     * @param address {@code host:port} (port 0 picks a free one) or a socket path
     * @param sources the key sources that read the keys named in requests
     * @param environment where those keys find their credentials
     * @param approval given the request ({@code encrypt} or {@code decrypt}) and the key, says
     *     whether to answer it; a declined request gets {@code PERMISSION_DENIED}. {@code null}
     *     answers every request
     * @return the running server; close it to stop
     * @throws SopsException when it cannot listen there
     */
    public static KeyServiceServer start(String network, String address, KeySources sources, KeyEnvironment environment,
            BiPredicate<String, String> approval) {
        Endpoint endpoint = Endpoint.of(network, address);
        EventLoopGroup[] groups = new EventLoopGroup[2];
        Server server = endpoint.serverBuilder(groups)
                .addService(new KeyServiceHandler(sources, environment, approval))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            shutdown(groups);
            throw new SopsException(ExitCode.GENERIC, "failed to listen on " + network + " " + address + ": " + e.getMessage(), e);
        }
        return new KeyServiceServer(endpoint, server, groups);
    }

    /**
     * Where it listens: {@code host:port} with the port it got, or the socket path.
     *
     * @return the address
     */
    public String address() {
        return endpoint.address(server);
    }

    /**
     * The URI a client connects with: {@code tcp://host:port} or {@code unix:///path}.
     *
     * @return the URI
     */
    public String uri() {
        return endpoint.network() + "://" + address();
    }

    /**
     * Waits until the server is closed.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Stops listening, ends the calls in progress and, for a unix socket, removes the socket file. */
    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown(groups);
        if (endpoint.socket() != null) {
            try {
                Files.deleteIfExists(endpoint.socket());
            } catch (IOException e) {
                // the socket stays behind; the next listen there reports it
            }
        }
    }

    private static void shutdown(EventLoopGroup[] groups) {
        for (EventLoopGroup group : groups) {
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }
}
