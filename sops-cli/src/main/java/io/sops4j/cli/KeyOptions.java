package io.sops4j.cli;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The master-key flags of {@code encrypt}, {@code edit} and {@code groups add}, each with upstream's environment variable. */
final class KeyOptions {

    @Option(names = {"-k", "--kms"}, description = "comma separated list of KMS ARNs")
    String kms;

    @Option(names = "--aws-profile", description = "The AWS profile to use for requests to AWS")
    String awsProfile;

    @Option(names = "--gcp-kms", description = "comma separated list of GCP KMS resource IDs")
    String gcpKms;

    @Option(names = "--hckms", description = "comma separated list of HuaweiCloud KMS key IDs (region:key-uuid)")
    String hckms;

    @Option(names = "--azure-kv", description = "comma separated list of Azure Key Vault URLs")
    String azureKv;

    @Option(names = "--hc-vault-transit", description = "comma separated list of vault's key URI (e.g. 'https://vault.example.org:8200/v1/transit/keys/dev')")
    String hcVaultTransit;

    @Option(names = {"-p", "--pgp"}, description = "comma separated list of PGP fingerprints")
    String pgp;

    @Option(names = {"-a", "--age"}, description = "comma separated list of age recipients")
    String age;

    @Option(names = "--encryption-context", description = "comma separated list of KMS encryption context key:value pairs")
    String encryptionContext;

    /** The keys given on the command line or in the environment, in upstream's order; empty when none. */
    List<MasterKey> keys(KeyEnvironment environment, KeySources sources) {
        KeyFactory factory = new KeyFactory(sources, encryptionContext, awsProfile);
        List<MasterKey> keys = new ArrayList<>();
        keys.addAll(factory.keys("kms", orEnv(kms, environment, "SOPS_KMS_ARN")));
        keys.addAll(factory.keys("gcp_kms", orEnv(gcpKms, environment, "SOPS_GCP_KMS_IDS")));
        keys.addAll(factory.keys("hckms", orEnv(hckms, environment, "SOPS_HUAWEICLOUD_KMS_IDS")));
        keys.addAll(factory.keys("azure_kv", orEnv(azureKv, environment, "SOPS_AZURE_KEYVAULT_URLS")));
        keys.addAll(factory.keys("pgp", orEnv(pgp, environment, "SOPS_PGP_FP")));
        keys.addAll(factory.keys("hc_vault", orEnv(hcVaultTransit, environment, "SOPS_VAULT_URIS")));
        keys.addAll(factory.keys("age", orEnv(age, environment, "SOPS_AGE_RECIPIENTS")));
        return keys;
    }

    private static String orEnv(String flag, KeyEnvironment environment, String variable) {
        return flag != null ? flag : environment.get(variable).orElse(null);
    }
}
