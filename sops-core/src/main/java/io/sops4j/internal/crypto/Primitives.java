package io.sops4j.internal.crypto;

import java.security.GeneralSecurityException;

/**
 * The symmetric primitives a file's data key and values go through: AES-256-GCM for values,
 * SHA-512 for the MAC, and age's HMAC-SHA-256 and ChaCha20-Poly1305. They come from the JDK's
 * providers ({@link JdkPrimitives}, the default: their AES-GCM, GHASH and SHA-512 run on CPU
 * instructions once the optimising compiler has compiled them) or from Bouncy Castle's
 * lightweight API ({@link LightweightPrimitives}: no JCA to set up, and faster where the optimising
 * compiler is off, as in the command line's short runs). Both give the same bytes.
 */
public interface Primitives {

    /** System property choosing the implementation: {@code bouncycastle}, or anything else for the JDK's. */
    String PROPERTY = "sops4j.crypto";

    /** The implementation {@link #PROPERTY} names. */
    static Primitives current() {
        return "bouncycastle".equals(System.getProperty(PROPERTY)) ? LightweightPrimitives.INSTANCE : JdkPrimitives.INSTANCE;
    }

    /**
     * Goes once through every primitive on a daemon thread and returns at once, so that the
     * set-up of their first use (Bouncy Castle's registrar and the {@code java.util.logging} it
     * starts, or the JCA's providers and policy) overlaps a short-lived process's own work. Nothing
     * secret is involved; a failure there is left for the caller's own first use to report.
     *
     * @return the started thread
     */
    default Thread prepareInBackground() {
        Thread thread = new Thread(this::runEachOnce, "sops4j-crypto-setup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void runEachOnce() {
        byte[] zeros = new byte[32];
        byte[] nonce = new byte[12];
        try {
            sha512().digest();
            hmacSha256(zeros, nonce);
            aesGcm(zeros).seal(nonce, nonce, nonce);
            chaCha20Poly1305Seal(zeros, nonce, nonce);
        } catch (GeneralSecurityException | RuntimeException | LinkageError ignored) {
            // the same call on the caller's thread fails again and says why
        }
    }

    /** AES-256-GCM under {@code key}, with 128-bit tags. */
    AesGcm aesGcm(byte[] key);

    /** A new SHA-512 hash. */
    Sha512 sha512();

    byte[] hmacSha256(byte[] key, byte[] message);

    /** ChaCha20-Poly1305 encryption: ciphertext followed by the 16-byte tag. */
    byte[] chaCha20Poly1305Seal(byte[] key, byte[] nonce, byte[] plaintext);

    /** ChaCha20-Poly1305 decryption; null when the tag does not verify. */
    byte[] chaCha20Poly1305Open(byte[] key, byte[] nonce, byte[] sealed, int offset, int length);

    /** AES-256-GCM under one key; an instance is used by one thread at a time. */
    interface AesGcm {

        /** Ciphertext followed by the 16-byte tag. */
        byte[] seal(byte[] iv, byte[] additionalData, byte[] plaintext) throws GeneralSecurityException;

        /**
         * The plaintext of ciphertext followed by its tag.
         *
         * @throws javax.crypto.AEADBadTagException when the tag does not verify
         */
        byte[] open(byte[] iv, byte[] additionalData, byte[] sealed) throws GeneralSecurityException;
    }

    /** An incremental SHA-512 hash. */
    interface Sha512 {

        void update(byte[] bytes);

        byte[] digest();
    }
}
