package io.sops4j.kms.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.HttpClientOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.models.EncryptionAlgorithm;
import io.sops4j.keys.KeyEnvironment;
import java.time.Duration;
import java.util.Map;

/**
 * Key Vault through the Azure SDK, authenticated with {@code DefaultAzureCredential} configured
 * from the key environment. Loaded only once the SDK is known to be present.
 */
final class AzureKeyVaultCalls implements AzureKeyVaultOperations {

    static final RetryOptions RETRIES = new RetryOptions(new ExponentialBackoffOptions()
            .setMaxRetries(3)
            .setBaseDelay(Duration.ofMillis(200))
            .setMaxDelay(Duration.ofSeconds(4)));
    static final HttpClientOptions TIMEOUTS = new HttpClientOptions()
            .setConnectTimeout(Duration.ofSeconds(10))
            .setResponseTimeout(Duration.ofSeconds(30))
            .setReadTimeout(Duration.ofSeconds(30));

    private final Configuration configuration;
    private final TokenCredential credential;
    private final HttpClient httpClient;

    AzureKeyVaultCalls(Configuration configuration, TokenCredential credential, HttpClient httpClient) {
        this.configuration = configuration;
        this.credential = credential;
        this.httpClient = httpClient;
    }

    static AzureKeyVaultOperations open(KeyEnvironment environment) {
        Configuration configuration = configuration(environment);
        TokenCredential credential = new DefaultAzureCredentialBuilder().configuration(configuration).build();
        return new AzureKeyVaultCalls(configuration, credential, null);
    }

    /** The environment as Azure's configuration, so {@code AZURE_*} variables come from the key environment. */
    static Configuration configuration(KeyEnvironment environment) {
        Map<String, String> variables = environment.variables();
        return new ConfigurationBuilder(source -> Map.of(), source -> Map.of(), source -> variables).build();
    }

    @Override
    public String currentVersion(String vaultUrl, String name) {
        KeyClientBuilder builder = new KeyClientBuilder().vaultUrl(vaultUrl).credential(credential)
                .configuration(configuration).retryOptions(RETRIES).clientOptions(TIMEOUTS);
        if (httpClient != null) {
            builder.httpClient(httpClient);
        }
        KeyClient keys = builder.buildClient();
        return keys.getKey(name).getProperties().getVersion();
    }

    @Override
    public byte[] encrypt(String keyId, byte[] plaintext) {
        return crypto(keyId).encrypt(EncryptionAlgorithm.RSA_OAEP_256, plaintext).getCipherText();
    }

    @Override
    public byte[] decrypt(String keyId, byte[] ciphertext) {
        return crypto(keyId).decrypt(EncryptionAlgorithm.RSA_OAEP_256, ciphertext).getPlainText();
    }

    /** Every operation runs in the vault, as upstream's client does, rather than with a cached public key. */
    private CryptographyClient crypto(String keyId) {
        CryptographyClientBuilder builder = new CryptographyClientBuilder().keyIdentifier(keyId).credential(credential)
                .configuration(configuration).retryOptions(RETRIES).clientOptions(TIMEOUTS).disableKeyCaching();
        if (httpClient != null) {
            builder.httpClient(httpClient);
        }
        return builder.buildClient();
    }
}
