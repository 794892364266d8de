package io.sops4j.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.keys.KeySources;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application that has sops-kms but none of the cloud SDKs. */
class MissingSdkTest {

    @TempDir
    Path home;

    @Test
    void everyKeySourceIsRegistered() {
        assertThat(KeySources.installed().byType()).containsKeys("kms", "gcp_kms", "hckms", "azure_kv", "hc_vault");
    }

    @Test
    @SuppressWarnings("unchecked")
    void keySourcesLoadWithoutTheirSdksAndNameTheArtifactToAdd() throws Exception {
        try (URLClassLoader application = IsolatedClassPath.without("/software/amazon/awssdk/",
                "/com/google/cloud/google-cloud-kms/", "/com/azure/")) {
            assertThatThrownBy(() -> application.loadClass("software.amazon.awssdk.services.kms.KmsClient"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> application.loadClass("com.google.cloud.kms.v1.KeyManagementServiceClient"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> application.loadClass("com.azure.security.keyvault.keys.cryptography.CryptographyClient"))
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> sources = application.loadClass("io.sops4j.keys.KeySources");
            Map<String, ?> byType = (Map<String, ?>) sources.getMethod("byType").invoke(sources.getMethod("installed").invoke(null));
            assertThat(byType.keySet()).contains("kms", "gcp_kms", "hckms", "azure_kv", "hc_vault");
            Class<?> environmentType = application.loadClass("io.sops4j.keys.KeyEnvironment");
            Object environment = environmentType.getMethod("of", Map.class, Path.class).invoke(null, Map.of(), home);

            assertThat(encryptFailure(byType.get("kms"), "arn:aws:kms:us-east-1:000000000000:key/k", environmentType, environment))
                    .contains("AWS KMS key arn:aws:kms:us-east-1:000000000000:key/k")
                    .contains("software.amazon.awssdk:kms");
            assertThat(encryptFailure(byType.get("gcp_kms"), "projects/p/locations/l/keyRings/r/cryptoKeys/k",
                    environmentType, environment))
                    .contains("com.google.cloud:google-cloud-kms");
            assertThat(encryptFailure(byType.get("azure_kv"), "https://v.vault.azure.net/keys/k/1", environmentType, environment))
                    .contains("com.azure:azure-security-keyvault-keys")
                    .contains("com.azure:azure-identity");
        }
    }

    /** {@code source.fromIdentifier(identifier).encrypt(...)} inside the application's class loader: its error class and message. */
    private static String encryptFailure(Object source, String identifier, Class<?> environmentType, Object environment)
            throws Exception {
        Object key = source.getClass().getMethod("fromIdentifier", String.class).invoke(source, identifier);
        Method encrypt = key.getClass().getMethod("encrypt", byte[].class, environmentType);
        try {
            encrypt.invoke(key, new byte[32], environment);
        } catch (InvocationTargetException e) {
            assertThat(e.getCause().getClass().getName()).isEqualTo("io.sops4j.error.DataKeyException");
            return e.getCause().getMessage();
        }
        throw new AssertionError("encrypting with " + identifier + " did not fail without its SDK");
    }
}
