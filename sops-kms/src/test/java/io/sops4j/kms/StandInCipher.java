package io.sops4j.kms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The cryptography of the local key-service stand-ins: AES-256-GCM with one random secret per key
 * name, the key name and any context bound as associated data, so a wrong key, a wrong context or
 * an altered ciphertext fails.
 */
public final class StandInCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> secrets = new ConcurrentHashMap<>();

    public byte[] seal(String keyName, String context, byte[] plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyName, context, nonce);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext, or an exception when the blob was not sealed by this key with this context. */
    public byte[] open(String keyName, String context, byte[] blob) throws GeneralSecurityException {
        if (blob.length < 28) {
            throw new GeneralSecurityException("ciphertext too short");
        }
        byte[] nonce = java.util.Arrays.copyOf(blob, 12);
        return cipher(Cipher.DECRYPT_MODE, keyName, context, nonce).doFinal(blob, 12, blob.length - 12);
    }

    private Cipher cipher(int mode, String keyName, String context, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, secret(keyName), new GCMParameterSpec(128, nonce));
        cipher.updateAAD((keyName + "\n" + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private SecretKey secret(String keyName) {
        return secrets.computeIfAbsent(keyName, name -> {
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256);
                return generator.generateKey();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
