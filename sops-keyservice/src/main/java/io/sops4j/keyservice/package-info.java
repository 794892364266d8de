/**
 * sops's gRPC key service, both sides and wire-compatible with upstream's {@code keyservice.proto}:
 * {@link io.sops4j.keyservice.KeyServiceClient}, a {@link io.sops4j.keys.KeyService} that asks a
 * remote service to wrap and unwrap data keys, and {@link io.sops4j.keyservice.KeyServiceServer},
 * which offers the keys of its own environment. Everything under {@code internal} is not API.
 */
package io.sops4j.keyservice;
