/**
 * Master keys and the key-source SPI. A {@link io.sops4j.keys.MasterKey} wraps a file's data key;
 * a {@link io.sops4j.keys.KeySource} (found with {@link java.util.ServiceLoader}, see
 * {@link io.sops4j.keys.KeySources}) reads and creates the keys of one type and reads stored
 * entries with {@link io.sops4j.keys.KeyEntries}; {@link io.sops4j.keys.KeyEnvironment} says
 * where keys find their credentials. Depends on {@code io.sops4j.tree} and {@code io.sops4j.error}
 * only. Stable, including the SPI interfaces (new methods get defaults).
 */
package io.sops4j.keys;
