package io.sops4j.keys.age;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The age payload: a 16-byte nonce, then ChaCha20-Poly1305 STREAM chunks of 64 KiB. */
final class Payload {

    static final int NONCE_SIZE = 16;
    private static final int CHUNK_SIZE = 64 * 1024;
    private static final int ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + AgeCrypto.TAG_SIZE;

    private Payload() {
    }

    static byte[] encrypt(byte[] fileKey, byte[] plaintext) {
        byte[] nonce = AgeCrypto.random(NONCE_SIZE);
        byte[] key = AgeCrypto.hkdf(fileKey, nonce, "payload", 32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(nonce);
        long counter = 0;
        int offset = 0;
        do {
            int length = Math.min(CHUNK_SIZE, plaintext.length - offset);
            boolean last = offset + length == plaintext.length;
            byte[] chunk = java.util.Arrays.copyOfRange(plaintext, offset, offset + length);
            out.writeBytes(AgeCrypto.seal(key, chunkNonce(counter++, last), chunk));
            offset += length;
        } while (offset < plaintext.length);
        return out.toByteArray();
    }

    /**
     * Decrypts the payload starting at {@code offset}, writing each authenticated chunk to
     * {@code out} as soon as it verifies, as age releases it.
     */
    static void decrypt(byte[] fileKey, byte[] file, int offset, OutputStream out) {
        if (file.length - offset < NONCE_SIZE) {
            throw AgeFailure.header("payload nonce is missing or short");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(file, offset, offset + NONCE_SIZE);
        byte[] key = AgeCrypto.hkdf(fileKey, nonce, "payload", 32);
        int position = offset + NONCE_SIZE;
        long counter = 0;
        while (true) {
            int length = Math.min(ENCRYPTED_CHUNK_SIZE, file.length - position);
            if (length == 0) {
                throw payloadFailure("payload ends without a final chunk");
            }
            boolean last = length < ENCRYPTED_CHUNK_SIZE;
            if (last && length == AgeCrypto.TAG_SIZE && counter != 0) {
                throw payloadFailure("final payload chunk is empty");
            }
            byte[] chunk = AgeCrypto.open(key, chunkNonce(counter, last), file, position, length);
            if (chunk == null && !last) {
                last = true;
                chunk = AgeCrypto.open(key, chunkNonce(counter, true), file, position, length);
            }
            if (chunk == null) {
                throw payloadFailure("payload chunk does not authenticate");
            }
            if (last && chunk.length == 0 && counter != 0) {
                throw payloadFailure("final payload chunk is empty");
            }
            write(out, chunk);
            position += length;
            counter++;
            if (last) {
                if (position != file.length) {
                    throw payloadFailure("trailing data after the final payload chunk");
                }
                return;
            }
        }
    }

    private static void write(OutputStream out, byte[] chunk) {
        try {
            out.write(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AgeFailure payloadFailure(String message) {
        return new AgeFailure(AgeFailure.Kind.PAYLOAD, message);
    }

    private static byte[] chunkNonce(long counter, boolean last) {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[10 - i] = (byte) (counter >>> (8 * i));
        }
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce;
    }
}
