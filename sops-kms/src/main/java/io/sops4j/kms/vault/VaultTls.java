package io.sops4j.kms.vault;

import io.sops4j.keys.KeyEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/**
 * The TLS settings Vault's own client reads from the environment: {@code VAULT_CACERT} (a PEM
 * file of trusted certificates), else {@code VAULT_CAPATH} (a directory of such files),
 * {@code VAULT_CLIENT_CERT} with {@code VAULT_CLIENT_KEY} (a client certificate for mutual TLS;
 * PKCS #8, PKCS #1 or SEC 1 key) and {@code VAULT_SKIP_VERIFY} (Go's boolean forms; true accepts
 * any server certificate and name).
 */
final class VaultTls {

    /** A setting that names something unusable; the message says which variable and why. */
    static final class InvalidSetting extends Exception {
        InvalidSetting(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<ASN1ObjectIdentifier, String> KEY_ALGORITHMS = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519");

    private VaultTls() {
    }

    /** The TLS context these settings ask for, or empty when the JDK's defaults apply. */
    static Optional<SSLContext> context(KeyEnvironment environment) throws InvalidSetting {
        boolean skipVerify = skipVerify(environment);
        Optional<Path> caCert = path(environment, "VAULT_CACERT");
        Optional<Path> caPath = path(environment, "VAULT_CAPATH");
        Optional<Path> clientCert = path(environment, "VAULT_CLIENT_CERT");
        Optional<Path> clientKey = path(environment, "VAULT_CLIENT_KEY");
        if (clientCert.isPresent() != clientKey.isPresent()) {
            throw new InvalidSetting("VAULT_CLIENT_CERT and VAULT_CLIENT_KEY must be set together");
        }
        if (!skipVerify && caCert.isEmpty() && caPath.isEmpty() && clientCert.isEmpty()) {
            return Optional.empty();
        }
        TrustManager[] trust = null;
        if (skipVerify) {
            trust = new TrustManager[] {new AnyServer()};
        } else if (caCert.isPresent()) {
            trust = trusting(certificates(caCert.get(), "VAULT_CACERT"));
        } else if (caPath.isPresent()) {
            trust = trusting(directoryCertificates(caPath.get()));
        }
        KeyManager[] keys = clientCert.isPresent() ? clientKeys(clientCert.get(), clientKey.get()) : null;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new InvalidSetting("cannot set up TLS: " + e.getMessage());
        }
    }

    /** Go's {@code strconv.ParseBool}, as Vault reads {@code VAULT_SKIP_VERIFY}. */
    private static boolean skipVerify(KeyEnvironment environment) throws InvalidSetting {
        String value = environment.get("VAULT_SKIP_VERIFY").orElse("");
        return switch (value) {
            case "" -> false;
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new InvalidSetting("could not parse VAULT_SKIP_VERIFY");
        };
    }

    private static Optional<Path> path(KeyEnvironment environment, String variable) {
        return environment.get(variable).filter(value -> !value.isEmpty()).map(Path::of);
    }

    private static List<X509Certificate> certificates(Path pemFile, String variable) throws InvalidSetting {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : read) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new InvalidSetting(variable + " file " + pemFile + " holds no certificate");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidSetting("cannot load " + variable + " file " + pemFile + ": " + e.getMessage());
        }
    }

    /** Every file under the directory, as Vault's {@code LoadCAPath} walks it; each must hold certificates. */
    private static List<X509Certificate> directoryCertificates(Path directory) throws InvalidSetting {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidSetting("cannot read VAULT_CAPATH " + directory + ": " + e.getMessage());
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            certificates.addAll(certificates(file, "VAULT_CAPATH"));
        }
        return certificates;
    }

    private static TrustManager[] trusting(List<X509Certificate> certificates) throws InvalidSetting {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                trusted.setCertificateEntry("vault-ca-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidSetting("cannot use the Vault CA certificates: " + e.getMessage());
        }
    }

    private static KeyManager[] clientKeys(Path certificateFile, Path keyFile) throws InvalidSetting {
        List<X509Certificate> chain = certificates(certificateFile, "VAULT_CLIENT_CERT");
        PrivateKey key = privateKey(keyFile);
        try {
            char[] password = "in-memory".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("vault-client", key, password, chain.toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidSetting("VAULT_CLIENT_KEY does not match VAULT_CLIENT_CERT: " + e.getMessage());
        }
    }

    /**
     * The key of a PEM file (RSA, EC or Ed25519; PKCS #8, PKCS #1 or SEC 1), as a JDK key. The
     * message never quotes the file's content.
     */
    private static PrivateKey privateKey(Path keyFile) throws InvalidSetting {
        try (Reader reader = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                PrivateKeyInfo info = object instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                        : object instanceof PrivateKeyInfo plain ? plain : null;
                if (info != null) {
                    String algorithm = KEY_ALGORITHMS.get(info.getPrivateKeyAlgorithm().getAlgorithm());
                    if (algorithm == null) {
                        throw new InvalidSetting("VAULT_CLIENT_KEY file " + keyFile + " holds a key of an unsupported algorithm");
                    }
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidSetting("cannot read VAULT_CLIENT_KEY file " + keyFile + ": not an unencrypted PEM private key");
        }
        throw new InvalidSetting("VAULT_CLIENT_KEY file " + keyFile + " holds no unencrypted PEM private key");
    }

    /** {@code VAULT_SKIP_VERIFY}: no check of the server's certificate chain or name. */
    private static final class AnyServer extends X509ExtendedTrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
