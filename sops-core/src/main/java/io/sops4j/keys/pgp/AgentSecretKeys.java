package io.sops4j.keys.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.DSASecretBCPGKey;
import org.bouncycastle.bcpg.ECPublicBCPGKey;
import org.bouncycastle.bcpg.ECSecretBCPGKey;
import org.bouncycastle.bcpg.EdSecretBCPGKey;
import org.bouncycastle.bcpg.ElGamalSecretBCPGKey;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.gpg.PGPSecretKeyParser;
import org.bouncycastle.gpg.SExpression;
import org.bouncycastle.openpgp.OpenedPGPKeyData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * Secret keys held by gpg-agent in {@code private-keys-v1.d}: S-expressions, in the extended key format
 * (GnuPG 2.2.20+) or the older canonical form. Unprotected keys are read with Bouncy Castle's parser; keys
 * imported from OpenPGP files without a passphrase stay in "openpgp-native" form until the agent first uses
 * them, which this class converts itself. Passphrase-protected and card-resident keys need gpg-agent.
 */
final class AgentSecretKeys {

    private static final int MAX_DEPTH = 10;

    private AgentSecretKeys() {
    }

    static PGPPrivateKey read(Path file, PGPPublicKey publicKey) throws PgpFailure {
        String keyId = keyId(publicKey.getKeyID());
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length == 0 || (content[0] != '(' && !new String(content, StandardCharsets.ISO_8859_1).contains("Key:"))) {
                throw new PgpFailure("cannot read secret key " + keyId + " from " + file + ": not a gpg-agent key file");
            }
            OpenedPGPKeyData data = PGPSecretKeyParser.parse(new ByteArrayInputStream(content), MAX_DEPTH);
            SExpression expression = data.getKeyExpression();
            switch (expression.getString(0)) {
                case "private-key":
                    if ("ecc".equals(expression.getExpression(1).getString(0))) {
                        return fromAgentEcc(expression.getExpression(1), publicKey);
                    }
                    return data.getKeyData(publicKey, new BcPGPDigestCalculatorProvider(), null,
                            new BcKeyFingerprintCalculator(), MAX_DEPTH).extractPrivateKey(null);
                case "protected-private-key":
                    SExpression protection = expression.getExpression(1).getExpressionWithLabel("protected");
                    if (protection != null && "openpgp-native".equals(protection.getString(1))) {
                        return fromOpenPgpNative(protection.getExpression(2), publicKey);
                    }
                    throw passphraseProtected(publicKey.getKeyID());
                case "shadowed-private-key":
                    throw new PgpFailure("secret key " + keyId + " is on a smartcard or token; only gpg can use it");
                default:
                    throw new PgpFailure("cannot read secret key " + keyId + " from " + file + ": unknown key kind "
                            + expression.getString(0));
            }
        } catch (IOException | PGPException | RuntimeException e) {
            throw new PgpFailure("cannot read secret key " + keyId + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the key file holds the secret of {@code publicKey}, judged by the elliptic-curve point {@code q} it stores. */
    static boolean holds(Path file, PGPPublicKey publicKey) {
        if (!(publicKey.getPublicKeyPacket().getKey() instanceof ECPublicBCPGKey ecKey)) {
            return false;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length == 0 || (content[0] != '(' && !new String(content, StandardCharsets.ISO_8859_1).contains("Key:"))) {
                return false;
            }
            SExpression parameters = PGPSecretKeyParser.parse(new ByteArrayInputStream(content), MAX_DEPTH)
                    .getKeyExpression().getExpression(1);
            SExpression point = parameters.getExpressionWithLabel("q");
            return point != null && new BigInteger(1, point.getBytes(1)).equals(ecKey.getEncodedPoint());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code (ecc (curve ..) (flags ..) (q ..) (d ..))}. Bouncy Castle's own conversion cannot decode the
     * 0x40-prefixed points of Curve25519 keys; the secret scalar is stored as in OpenPGP, so it is taken as is
     * (the caller matched {@code q} against the public key).
     */
    private static PGPPrivateKey fromAgentEcc(SExpression parameters, PGPPublicKey publicKey) throws PgpFailure {
        BigInteger d = new BigInteger(1, parameters.getExpressionWithLabelOrFail("d").getBytes(1));
        return new PGPPrivateKey(publicKey.getKeyID(), publicKey.getPublicKeyPacket(), eccSecret(publicKey, d));
    }

    private static BCPGKey eccSecret(PGPPublicKey publicKey, BigInteger d) throws PgpFailure {
        return switch (publicKey.getAlgorithm()) {
            case PublicKeyAlgorithmTags.ECDH, PublicKeyAlgorithmTags.ECDSA -> new ECSecretBCPGKey(d);
            case PublicKeyAlgorithmTags.EDDSA_LEGACY -> new EdSecretBCPGKey(d);
            default -> throw new PgpFailure("secret key " + keyId(publicKey.getKeyID())
                    + " uses an unsupported algorithm (" + publicKey.getAlgorithm() + ")");
        };
    }

    /** {@code (openpgp-private-key (version "4") (algo ...) (skey _ #..# ...) (csum "..") (protection none))}. */
    private static PGPPrivateKey fromOpenPgpNative(SExpression transferKey, PGPPublicKey publicKey) throws PgpFailure {
        SExpression protection = transferKey.getExpressionWithLabel("protection");
        if (protection == null || !"none".equals(protection.getString(1))) {
            throw passphraseProtected(publicKey.getKeyID());
        }
        List<Object> values = transferKey.getExpressionWithLabelOrFail("skey").getValues();
        List<BigInteger> parameters = new ArrayList<>();
        for (int i = 1; i + 1 < values.size(); i += 2) {
            if (!"_".equals(asString(values.get(i)))) {
                throw passphraseProtected(publicKey.getKeyID());
            }
            parameters.add(new BigInteger(1, asBytes(values.get(i + 1))));
        }
        int algorithm = publicKey.getAlgorithm();
        List<BigInteger> secret = parameters.subList(Math.min(publicParameterCount(algorithm), parameters.size()), parameters.size());
        BCPGKey key = switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT, PublicKeyAlgorithmTags.RSA_SIGN ->
                    new RSASecretBCPGKey(require(secret, 0), require(secret, 1), require(secret, 2));
            case PublicKeyAlgorithmTags.ECDH, PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY ->
                    eccSecret(publicKey, require(secret, 0));
            case PublicKeyAlgorithmTags.DSA -> new DSASecretBCPGKey(require(secret, 0));
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL ->
                    new ElGamalSecretBCPGKey(require(secret, 0));
            default -> throw new PgpFailure("secret key " + keyId(publicKey.getKeyID())
                    + " uses an unsupported algorithm (" + algorithm + ")");
        };
        return new PGPPrivateKey(publicKey.getKeyID(), publicKey.getPublicKeyPacket(), key);
    }

    /** How many public values precede the secret ones in an OpenPGP v4 secret key (RFC 4880 §5.5.3, RFC 6637). */
    private static int publicParameterCount(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.DSA -> 4;
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL, PublicKeyAlgorithmTags.ECDH -> 3;
            default -> 2;
        };
    }

    private static BigInteger require(List<BigInteger> values, int index) throws PgpFailure {
        if (index >= values.size()) {
            throw new PgpFailure("incomplete secret key parameters");
        }
        return values.get(index);
    }

    private static String asString(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
    }

    private static byte[] asBytes(Object value) {
        return value instanceof byte[] bytes ? bytes : String.valueOf(value).getBytes(StandardCharsets.ISO_8859_1);
    }

    static PgpFailure passphraseProtected(long keyId) {
        return new PgpFailure("secret key " + keyId(keyId)
                + " is passphrase-protected; decrypting it needs gpg with gpg-agent");
    }

    static String keyId(long keyId) {
        return String.format(Locale.ROOT, "%016X", keyId);
    }
}
