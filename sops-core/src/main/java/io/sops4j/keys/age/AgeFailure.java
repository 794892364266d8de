package io.sops4j.keys.age;

/**
 * A failure to read or decrypt an age file. The kind tells apart what the age test kit tells
 * apart; messages describe the structure only, never key material or plaintext.
 */
final class AgeFailure extends RuntimeException {

    enum Kind {
        ARMOR, HEADER, NO_MATCH, HMAC, PAYLOAD, UNSUPPORTED, PLUGIN
    }

    private final Kind kind;

    AgeFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    AgeFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    static AgeFailure header(String message) {
        return new AgeFailure(Kind.HEADER, message);
    }
}
