package io.sops4j.keys.age;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/** SSH public and private key parsing for age's {@code ssh-ed25519} and {@code ssh-rsa} stanzas. */
final class SshKeys {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private SshKeys() {
    }

    /** An authorized_keys line ({@code ssh-ed25519 AAAA... comment}) as an age recipient. */
    static Recipient parseRecipient(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 2) {
            throw new IllegalArgumentException("malformed SSH public key");
        }
        byte[] wire;
        try {
            wire = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed SSH public key: invalid base64");
        }
        AsymmetricKeyParameter key;
        try {
            key = OpenSSHPublicKeyUtil.parsePublicKey(wire);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed or unsupported SSH public key");
        }
        if (!fields[0].equals(wireType(wire))) {
            throw new IllegalArgumentException("SSH public key type does not match its data");
        }
        if (key instanceof Ed25519PublicKeyParameters ed) {
            return new SshEd25519Recipient(ed, wire);
        }
        if (key instanceof RSAKeyParameters rsa && !rsa.isPrivate()) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("SSH RSA key is smaller than 2048 bits");
            }
            return new SshRsaRecipient(rsa, wire);
        }
        throw new IllegalArgumentException("unsupported SSH key type " + fields[0] + " (age supports ssh-ed25519 and ssh-rsa)");
    }

    /**
     * A PEM private key (OpenSSH, PKCS#1 or PKCS#8) as an age identity. A passphrase-protected
     * OpenSSH key becomes an identity that fails clearly when a stanza is meant for it.
     */
    static Identity parseIdentity(String pem, String source) {
        String text = pem.trim();
        if (text.contains("Proc-Type: 4,ENCRYPTED") || text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("SSH private key in " + source
                    + " is passphrase-protected; sops4j cannot ask for the passphrase");
        }
        byte[] blob = pemBody(text, source);
        boolean openSsh = text.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        if (openSsh) {
            OpenSshContainer container = OpenSshContainer.parse(blob, source);
            if (!container.cipher().equals("none")) {
                return new EncryptedSshIdentity(container.publicKey(), source);
            }
        }
        AsymmetricKeyParameter key;
        try {
            key = openSsh || text.startsWith("-----BEGIN RSA PRIVATE KEY-----")
                    ? OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(blob)
                    : PrivateKeyFactory.createKey(blob);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed or unsupported SSH private key in " + source);
        }
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            return new SshEd25519Identity(ed, source);
        }
        if (key instanceof RSAPrivateCrtKeyParameters rsa) {
            return new SshRsaIdentity(rsa, source);
        }
        throw new IllegalArgumentException("unsupported SSH private key type in " + source
                + " (age supports ssh-ed25519 and ssh-rsa)");
    }

    private static byte[] pemBody(String text, String source) {
        String[] lines = text.split("\r?\n");
        if (lines.length < 2 || !lines[0].startsWith("-----BEGIN ") || !lines[lines.length - 1].startsWith("-----END ")) {
            throw new IllegalArgumentException("no PEM private key found in " + source);
        }
        StringBuilder body = new StringBuilder();
        for (int i = 1; i < lines.length - 1; i++) {
            if (!lines[i].contains(":")) {
                body.append(lines[i].trim());
            }
        }
        try {
            return Base64.getDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed PEM private key in " + source);
        }
    }

    /** The key type that an SSH wire-format public key starts with. */
    static String wireType(byte[] wire) {
        int length = wire.length < 4 ? -1 : ByteBuffer.wrap(wire).getInt();
        if (length < 0 || length > wire.length - 4) {
            throw new IllegalArgumentException("malformed SSH public key: its type is longer than the key");
        }
        return new String(wire, 4, length, StandardCharsets.US_ASCII);
    }

    /** age's stanza tag: the first four bytes of SHA-256 of the SSH wire-format public key. */
    static String tag(byte[] wire) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(wire);
            return AgeCrypto.rawBase64(Arrays.copyOf(hash, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Montgomery u-coordinate of an Ed25519 public key: (1 + y) / (1 - y) mod p. */
    static byte[] ed25519ToX25519(byte[] edPublicKey) {
        byte[] le = edPublicKey.clone();
        le[31] &= 0x7f;
        BigInteger y = new BigInteger(1, reverse(le));
        BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).mod(P).modInverse(P)).mod(P);
        byte[] be = u.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static byte[] reverse(byte[] data) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[data.length - 1 - i];
        }
        return out;
    }

    /** The unencrypted outer layer of an {@code openssh-key-v1} private key. */
    record OpenSshContainer(String cipher, byte[] publicKey) {

        static OpenSshContainer parse(byte[] blob, String source) {
            try {
                if (!Arrays.equals(Arrays.copyOf(blob, OPENSSH_MAGIC.length), OPENSSH_MAGIC)) {
                    throw new IllegalArgumentException("not an openssh-key-v1 key");
                }
                ByteBuffer buffer = ByteBuffer.wrap(blob, OPENSSH_MAGIC.length, blob.length - OPENSSH_MAGIC.length);
                String cipher = new String(string(buffer), StandardCharsets.US_ASCII);
                string(buffer);
                string(buffer);
                if (buffer.getInt() != 1) {
                    throw new IllegalArgumentException("expected one key");
                }
                byte[] publicKey = string(buffer);
                wireType(publicKey);
                return new OpenSshContainer(cipher, publicKey);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("malformed OpenSSH private key in " + source);
            }
        }

        private static byte[] string(ByteBuffer buffer) {
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw new IllegalArgumentException("field longer than the key");
            }
            byte[] out = new byte[length];
            buffer.get(out);
            return out;
        }
    }
}
