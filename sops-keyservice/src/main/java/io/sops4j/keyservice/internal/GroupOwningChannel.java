package io.sops4j.keyservice.internal;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;

/** A channel that shuts its own event loops down with it. */
final class GroupOwningChannel extends ManagedChannel {

    private final ManagedChannel channel;
    private final EventLoopGroup group;

    GroupOwningChannel(ManagedChannel channel, EventLoopGroup group) {
        this.channel = channel;
        this.group = group;
    }

    @Override
    public ManagedChannel shutdown() {
        channel.shutdown();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public boolean isShutdown() {
        return channel.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return channel.isTerminated() && group.isTerminated();
    }

    @Override
    public ManagedChannel shutdownNow() {
        channel.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return channel.awaitTermination(timeout, unit) && group.awaitTermination(timeout, unit);
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        return channel.newCall(method, options);
    }

    @Override
    public String authority() {
        return channel.authority();
    }
}
