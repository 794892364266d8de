package io.sops4j.internal.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** {@link Primitives} from Bouncy Castle's lightweight API, without the JCA. */
final class LightweightPrimitives implements Primitives {

    static final LightweightPrimitives INSTANCE = new LightweightPrimitives();

    private static final int TAG_BITS = 128;

    private LightweightPrimitives() {
    }

    @Override
    public AesGcm aesGcm(byte[] key) {
        return new LightweightAesGcm(key.clone());
    }

    @Override
    public Sha512 sha512() {
        SHA512Digest digest = new SHA512Digest();
        return new Sha512() {
            @Override
            public void update(byte[] bytes) {
                digest.update(bytes, 0, bytes.length);
            }

            @Override
            public byte[] digest() {
                byte[] out = new byte[digest.getDigestSize()];
                digest.doFinal(out, 0);
                return out;
            }
        };
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] message) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public byte[] chaCha20Poly1305Seal(byte[] key, byte[] nonce, byte[] plaintext) {
        try {
            return run(chaCha20Poly1305(true, key, nonce), plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    @Override
    public byte[] chaCha20Poly1305Open(byte[] key, byte[] nonce, byte[] sealed, int offset, int length) {
        try {
            return run(chaCha20Poly1305(false, key, nonce), sealed, offset, length);
        } catch (InvalidCipherTextException e) {
            return null;
        }
    }

    private static ChaCha20Poly1305 chaCha20Poly1305(boolean encrypt, byte[] key, byte[] nonce) {
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
        return cipher;
    }

    private static byte[] run(AEADCipher cipher, byte[] in, int offset, int length) throws InvalidCipherTextException {
        byte[] out = new byte[cipher.getOutputSize(length)];
        int written = cipher.processBytes(in, offset, length, out, 0);
        written += cipher.doFinal(out, written);
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    /**
     * One cipher per direction; after the first value only the IV and additional data change, so
     * the GHASH tables are built once. Bouncy Castle refuses to encrypt twice in a row with the
     * same key and IV (an unchanged value re-encrypted with its remembered IV may do that): a fresh
     * instance then takes over.
     */
    private static final class LightweightAesGcm implements AesGcm {

        private final byte[] key;
        private GCMModeCipher encryptor;
        private GCMModeCipher decryptor;

        LightweightAesGcm(byte[] key) {
            this.key = key;
        }

        @Override
        public byte[] seal(byte[] iv, byte[] additionalData, byte[] plaintext) {
            if (!reinitialised(iv, additionalData)) {
                encryptor = GCMBlockCipher.newInstance(AESEngine.newInstance());
                encryptor.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, iv, additionalData));
            }
            try {
                return run(encryptor, plaintext, 0, plaintext.length);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
        }

        /** Whether the encryptor there is took the new IV; false when there is none yet or it refused. */
        private boolean reinitialised(byte[] iv, byte[] additionalData) {
            if (encryptor == null) {
                return false;
            }
            try {
                encryptor.init(true, new AEADParameters(null, TAG_BITS, iv, additionalData));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public byte[] open(byte[] iv, byte[] additionalData, byte[] sealed) throws GeneralSecurityException {
            if (decryptor == null) {
                GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
                cipher.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, iv, additionalData));
                decryptor = cipher;
            } else {
                decryptor.init(false, new AEADParameters(null, TAG_BITS, iv, additionalData));
            }
            try {
                return run(decryptor, sealed, 0, sealed.length);
            } catch (InvalidCipherTextException e) {
                throw new AEADBadTagException("Tag mismatch");
            }
        }
    }
}
