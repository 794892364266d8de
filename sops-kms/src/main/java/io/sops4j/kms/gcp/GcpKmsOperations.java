package io.sops4j.kms.gcp;

/** Cloud KMS encrypt and decrypt, in JDK types so that keys link without the SDK. */
interface GcpKmsOperations extends AutoCloseable {

    byte[] encrypt(String resourceId, byte[] plaintext);

    byte[] decrypt(String resourceId, byte[] ciphertext);

    @Override
    void close();
}
