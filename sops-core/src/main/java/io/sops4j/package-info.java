/**
 * Reads and writes SOPS files: the entry point of sops4j.
 *
 * <p>{@link io.sops4j.Sops} decrypts, encrypts, edits, rotates and re-keys files;
 * {@link io.sops4j.DecryptedFile} holds a decrypted file and its data key until it is closed;
 * {@link io.sops4j.EncryptionOptions} says which keys and rules a new file gets;
 * {@link io.sops4j.TreePath} addresses a value inside a document.
 *
 * <p>Stable: the public types of this package and of {@code io.sops4j.config}, {@code .error},
 * {@code .format}, {@code .keys} (with {@code .age} and {@code .pgp}), {@code .metadata} and
 * {@code .tree}, within a major version. Nothing under {@code io.sops4j.internal} is API.
 */
package io.sops4j;
