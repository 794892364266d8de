package io.sops4j.example;

/** Decrypted values of secrets.sops.yaml that must never leave the application. */
final class Secrets {

    static final String[] VALUES = {
        "s3cr3t-Pa55w0rd", "sk_test_51HxDemoKeyNotReal", "whsec_demo_0123456789", "db.internal.example",
        "MIIBdemoONLYnotARealCertificate0123456789", "https://shop.example", "https://admin.example"
    };

    private Secrets() {
    }
}
