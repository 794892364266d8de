package io.sops4j.keyservice.internal;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a key service listens: a TCP {@code host:port} or a unix socket path, as upstream's
 * {@code --network}/{@code --address} and {@code tcp://host:port} / {@code unix:///path} URIs name it.
 */
public record Endpoint(String network, String host, int port, Path socket) {

    /**
     * Netty warns that TCP keep-alive, which gRPC asks for, does not apply to unix sockets; kept
     * here because java.util.logging holds its loggers weakly.
     */
    private static final Logger BOOTSTRAP_LOG = Logger.getLogger("io.grpc.netty.shaded.io.netty.bootstrap");

    /** {@code tcp://host:port} or {@code unix:///path}. */
    public static Endpoint fromUri(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalidUri(uri);
        }
        if ("tcp".equals(parsed.getScheme()) && parsed.getHost() != null && parsed.getPort() >= 0) {
            return new Endpoint("tcp", parsed.getHost(), parsed.getPort(), null);
        }
        if ("unix".equals(parsed.getScheme()) && parsed.getPath() != null && !parsed.getPath().isEmpty()) {
            return new Endpoint("unix", null, -1, Path.of(parsed.getPath()));
        }
        throw invalidUri(uri);
    }

    /** {@code --network tcp --address host:port} or {@code --network unix --address path}. */
    public static Endpoint of(String network, String address) {
        if ("unix".equals(network)) {
            return new Endpoint("unix", null, -1, Path.of(address));
        }
        if (!"tcp".equals(network)) {
            throw new SopsException(ExitCode.GENERIC, "unsupported network '" + network + "': use tcp or unix");
        }
        int colon = address.lastIndexOf(':');
        try {
            String host = address.substring(0, Math.max(colon, 0));
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Endpoint("tcp", host.isEmpty() ? "0.0.0.0" : host, Integer.parseInt(address.substring(colon + 1)), null);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new SopsException(ExitCode.GENERIC, "invalid address '" + address + "': want host:port");
        }
    }

    /** A plaintext channel to this endpoint, as upstream's client dials it (no TLS). */
    public ManagedChannel channel() {
        if ("unix".equals(network)) {
            requireEpoll();
            EventLoopGroup group = new EpollEventLoopGroup(1, new DefaultThreadFactory("sops-keyservice-client", true));
            ManagedChannel channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                    .channelType(EpollDomainSocketChannel.class)
                    .eventLoopGroup(group)
                    .usePlaintext()
                    .build();
            return new GroupOwningChannel(channel, group);
        }
        return NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
    }

    /** A server builder listening here; the event loops of a unix socket are the caller's to shut down. */
    public NettyServerBuilder serverBuilder(EventLoopGroup[] groups) {
        if ("unix".equals(network)) {
            requireEpoll();
            EventLoopGroup boss = new EpollEventLoopGroup(1, new DefaultThreadFactory("sops-keyservice-boss", true));
            EventLoopGroup worker = new EpollEventLoopGroup(0, new DefaultThreadFactory("sops-keyservice-worker", true));
            groups[0] = boss;
            groups[1] = worker;
            return NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                    .channelType(EpollServerDomainSocketChannel.class)
                    .bossEventLoopGroup(boss)
                    .workerEventLoopGroup(worker);
        }
        return NettyServerBuilder.forAddress(new InetSocketAddress(host, port));
    }

    /** The address a started server listens on, with the port it got when asked for port 0. */
    public String address(Server server) {
        if ("unix".equals(network)) {
            return socket.toString();
        }
        int bound = server.getListenSockets().stream()
                .filter(InetSocketAddress.class::isInstance).map(a -> ((InetSocketAddress) a).getPort())
                .findFirst().orElse(port);
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + bound;
    }

    private static void requireEpoll() {
        BOOTSTRAP_LOG.setLevel(Level.SEVERE);
        if (!Epoll.isAvailable()) {
            throw new SopsException(ExitCode.GENERIC, "unix sockets need Linux's epoll, which is not available here: "
                    + Epoll.unavailabilityCause());
        }
    }

    private static SopsException invalidUri(String uri) {
        return new SopsException(ExitCode.GENERIC, "invalid key service URI '" + uri + "': want tcp://host:port or unix:///path");
    }
}
