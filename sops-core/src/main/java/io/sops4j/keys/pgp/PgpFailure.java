package io.sops4j.keys.pgp;

/** Why one way of using a PGP key (the gpg binary or the keyring files) did not work; never holds key material. */
final class PgpFailure extends Exception {

    PgpFailure(String message) {
        super(message, null, false, false);
    }

    PgpFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
