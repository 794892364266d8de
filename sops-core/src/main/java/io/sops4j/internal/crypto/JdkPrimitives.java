package io.sops4j.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** {@link Primitives} from the JDK's providers. */
final class JdkPrimitives implements Primitives {

    static final JdkPrimitives INSTANCE = new JdkPrimitives();

    private static final int TAG_BITS = 128;

    private JdkPrimitives() {
    }

    @Override
    public AesGcm aesGcm(byte[] key) {
        return new JdkAesGcm(new SecretKeySpec(key, "AES"));
    }

    @Override
    public Sha512 sha512() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
        return new Sha512() {
            @Override
            public void update(byte[] bytes) {
                digest.update(bytes);
            }

            @Override
            public byte[] digest() {
                return digest.digest();
            }
        };
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HMAC-SHA-256", e);
        }
    }

    @Override
    public byte[] chaCha20Poly1305Seal(byte[] key, byte[] nonce, byte[] plaintext) {
        try {
            return chaCha20Poly1305(Cipher.ENCRYPT_MODE, key, nonce).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    @Override
    public byte[] chaCha20Poly1305Open(byte[] key, byte[] nonce, byte[] sealed, int offset, int length) {
        try {
            return chaCha20Poly1305(Cipher.DECRYPT_MODE, key, nonce).doFinal(sealed, offset, length);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    private static Cipher chaCha20Poly1305(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        return cipher;
    }

    /**
     * One cipher per direction, initialised again for each value. SunJCE refuses to encrypt twice in
     * a row with the same key and IV (an unchanged value re-encrypted with its remembered IV may do
     * that): a fresh instance then takes over.
     */
    private static final class JdkAesGcm implements AesGcm {

        private static final String TRANSFORMATION = "AES/GCM/NoPadding";

        private final SecretKeySpec key;
        private Cipher encryptor;
        private Cipher decryptor;

        JdkAesGcm(SecretKeySpec key) {
            this.key = key;
        }

        @Override
        public byte[] seal(byte[] iv, byte[] additionalData, byte[] plaintext) throws GeneralSecurityException {
            GCMParameterSpec spec = new GCMParameterSpec(TAG_BITS, iv);
            if (!reinitialised(spec)) {
                encryptor = Cipher.getInstance(TRANSFORMATION);
                encryptor.init(Cipher.ENCRYPT_MODE, key, spec);
            }
            encryptor.updateAAD(additionalData);
            return encryptor.doFinal(plaintext);
        }

        /** Whether the encryptor there is took the new IV; false when there is none yet or it refused. */
        private boolean reinitialised(GCMParameterSpec spec) throws GeneralSecurityException {
            if (encryptor == null) {
                return false;
            }
            try {
                encryptor.init(Cipher.ENCRYPT_MODE, key, spec);
                return true;
            } catch (InvalidAlgorithmParameterException e) {
                return false;
            }
        }

        @Override
        public byte[] open(byte[] iv, byte[] additionalData, byte[] sealed) throws GeneralSecurityException {
            if (decryptor == null) {
                decryptor = Cipher.getInstance(TRANSFORMATION);
            }
            decryptor.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            decryptor.updateAAD(additionalData);
            // one doFinal over ciphertext and tag: SunJCE buffers whatever update() passes in decrypt mode
            return decryptor.doFinal(sealed);
        }
    }
}
