/**
 * PGP keys: {@link io.sops4j.keys.pgp.PgpKeys} makes master keys for fingerprints; data keys are
 * unwrapped through {@code gpg} when present, else from {@code GNUPGHOME} directly. Stable: the
 * public types.
 */
package io.sops4j.keys.pgp;
