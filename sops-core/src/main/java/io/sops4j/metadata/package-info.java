/**
 * The {@code sops} metadata of a file: {@link io.sops4j.metadata.Metadata} with its
 * {@link io.sops4j.metadata.KeyGroup}s and {@link io.sops4j.metadata.EncryptionRules}. Above
 * {@code io.sops4j.keys}, below the facade. Stable.
 */
package io.sops4j.metadata;
