package io.sops4j.benchmarks;

import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The least work any SOPS implementation on this JDK does per value when decrypting: one
 * AES-256-GCM decryption with a 32-byte IV and the key path as additional data, and one SHA-512
 * update for the MAC. The values and paths are those of a generated file, already base64-decoded
 * and split; nothing of sops4j runs in {@link #run()}.
 */
final class CryptoFloor {

    private final SecretKeySpec key;
    private final List<byte[]> ivs = new ArrayList<>();
    private final List<byte[]> sealed = new ArrayList<>();
    private final List<byte[]> aads = new ArrayList<>();
    private final Cipher cipher;

    CryptoFloor(List<TreeBranch> plaintext) {
        SecureRandom random = new SecureRandom();
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        key = new SecretKeySpec(keyBytes, "AES");
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            for (TreeBranch branch : plaintext) {
                collect(branch, "", random);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int values() {
        return sealed.size();
    }

    /** Decrypts every value and hashes the plaintexts; returns the digest. */
    byte[] run() {
        try {
            MessageDigest mac = MessageDigest.getInstance("SHA-512");
            for (int i = 0; i < sealed.size(); i++) {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ivs.get(i)));
                cipher.updateAAD(aads.get(i));
                mac.update(cipher.doFinal(sealed.get(i)));
            }
            return mac.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void collect(Object value, String path, SecureRandom random) throws GeneralSecurityException {
        if (value instanceof TreeBranch branch) {
            for (TreeItem item : branch) {
                if (!item.isComment()) {
                    collect(item.value(), path + item.key() + ":", random);
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                collect(element, path, random);
            }
        } else if (value != null && !(value instanceof Comment)) {
            byte[] iv = new byte[32];
            random.nextBytes(iv);
            byte[] aad = path.getBytes(StandardCharsets.UTF_8);
            Cipher encryptor = Cipher.getInstance("AES/GCM/NoPadding");
            encryptor.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            encryptor.updateAAD(aad);
            ivs.add(iv);
            aads.add(aad);
            sealed.add(encryptor.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
