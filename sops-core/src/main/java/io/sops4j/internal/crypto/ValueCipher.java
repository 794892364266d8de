package io.sops4j.internal.crypto;

import io.sops4j.tree.Comment;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AES-256-GCM encryption of single values into {@code ENC[…]} strings, with a 32-byte IV and the
 * key path as additional data. Like upstream, it remembers the IV of every value it decrypted and
 * reuses it when the same value is encrypted again under the same path, so unchanged values keep
 * their ciphertext when a file is re-encrypted with the same data key.
 */
public final class ValueCipher {

    private static final int TAG_LENGTH = 16;

    private final Primitives primitives;
    private final Primitives.AesGcm aesGcm;
    private final IvSource ivSource;
    private final Map<StashKey, byte[]> stash = new HashMap<>();
    private final List<Decrypted> unstashed = new ArrayList<>();

    public ValueCipher(byte[] dataKey, IvSource ivSource) {
        this(dataKey, ivSource, Primitives.current());
    }

    ValueCipher(byte[] dataKey, IvSource ivSource, Primitives primitives) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("data key must be 32 bytes");
        }
        this.primitives = primitives;
        this.aesGcm = primitives.aesGcm(dataKey);
        this.ivSource = ivSource;
    }

    /** A cipher with the same IV memory for a new data key, as upstream's rotate keeps IVs. */
    public synchronized ValueCipher withDataKey(byte[] dataKey) {
        ValueCipher rotated = new ValueCipher(dataKey, ivSource, primitives);
        rotated.stash.putAll(stash());
        return rotated;
    }

    /** Encrypts a scalar or comment; empty strings, bytes and comments stay empty, as upstream. */
    public synchronized String encrypt(Object value, String additionalData) throws GeneralSecurityException {
        if (isEmpty(value)) {
            return "";
        }
        byte[] plaintext = ValueCodec.toBytes(value);
        Map<StashKey, byte[]> remembered = stash();
        byte[] iv = remembered.isEmpty() ? null : remembered.get(new StashKey(value, additionalData));
        if (iv == null) {
            iv = ivSource.next();
        }
        byte[] sealed = aesGcm.seal(iv, additionalData.getBytes(StandardCharsets.UTF_8), plaintext);
        byte[] data = Arrays.copyOf(sealed, sealed.length - TAG_LENGTH);
        byte[] tag = Arrays.copyOfRange(sealed, sealed.length - TAG_LENGTH, sealed.length);
        return new EncryptedValue(data, iv, tag, ValueCodec.typeOf(value)).format();
    }

    /**
     * Decrypts an {@code ENC[…]} string into a value of its stored type ({@link Comment} for
     * comments). The empty string decrypts to itself.
     *
     * @throws IllegalArgumentException for malformed input or an unknown type
     * @throws GeneralSecurityException when authentication fails (wrong key, tampered data, other path)
     */
    public synchronized Object decrypt(String encrypted, String additionalData) throws GeneralSecurityException {
        if (encrypted.isEmpty()) {
            return "";
        }
        EncryptedValue parts = EncryptedValue.parse(encrypted);
        if (parts.iv().length == 0) {
            throw new IllegalArgumentException("empty IV");
        }
        if (parts.tag().length != TAG_LENGTH) {
            throw new IllegalArgumentException("tag must be " + TAG_LENGTH + " bytes");
        }
        byte[] sealed = Arrays.copyOf(parts.data(), parts.data().length + TAG_LENGTH);
        System.arraycopy(parts.tag(), 0, sealed, parts.data().length, TAG_LENGTH);
        byte[] plaintext = aesGcm.open(parts.iv(), additionalData.getBytes(StandardCharsets.UTF_8), sealed);
        Object value = ValueCodec.fromBytes(plaintext, parts.type());
        unstashed.add(new Decrypted(value, additionalData, parts.iv()));
        return value;
    }

    /**
     * The IV of every decrypted value by value and additional data. Decrypting only appends to a
     * list; the map is built when something is encrypted, so that files which are only read do
     * not pay for hashing every value.
     */
    private Map<StashKey, byte[]> stash() {
        for (Decrypted d : unstashed) {
            stash.put(new StashKey(d.value(), d.additionalData()), d.iv());
        }
        unstashed.clear();
        return stash;
    }

    /** Whether a string has the {@code ENC[AES256_GCM,…]} form. */
    public static boolean isEncrypted(String text) {
        return EncryptedValue.looksEncrypted(text);
    }

    /** Whether an {@code ENC[…]} string holds an encrypted comment. */
    public static boolean isEncryptedComment(String text) {
        // the type part ends at the closing bracket: without this text, parsing cannot find a comment
        if (!text.contains(",type:comment]")) {
            return false;
        }
        try {
            return EncryptedValue.parse(text).type().equals("comment");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isEmpty(Object value) {
        return value instanceof String s && s.isEmpty()
                || value instanceof byte[] b && b.length == 0
                || value instanceof Comment c && c.value().isEmpty();
    }

    private record Decrypted(Object value, String additionalData, byte[] iv) {
    }

    /** Values compare by content; byte arrays are wrapped so that equal bytes give equal keys. */
    private record StashKey(Object value, String additionalData) {
        StashKey {
            if (value instanceof byte[] bytes) {
                value = List.of(new String(bytes, StandardCharsets.ISO_8859_1), "bytes");
            }
        }
    }
}
