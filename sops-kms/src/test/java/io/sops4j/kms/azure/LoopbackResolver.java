package io.sops4j.kms.azure;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/** Resolves the vault's name, and any other, to the loopback address the stand-in listens on. */
final class LoopbackResolver extends AddressResolverGroup<InetSocketAddress> {
    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                promise.setSuccess(InetAddress.getLoopbackAddress());
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                promise.setSuccess(List.of(InetAddress.getLoopbackAddress()));
            }
        });
    }
}
