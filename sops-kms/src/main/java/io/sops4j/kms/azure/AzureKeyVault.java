package io.sops4j.kms.azure;

import io.sops4j.kms.CreatedAt;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds Azure Key Vault master keys from key URLs such as {@code https://v.vault.azure.net/keys/k/0123…}. */
public final class AzureKeyVault {

    private static final Pattern KEY_URL = Pattern.compile("^(https://[^/]+)/keys/([^/]+)(/[^/]*)?$");

    private AzureKeyVault() {
    }

    /**
     * A key from {@code https://VAULT/keys/NAME[/VERSION]}; without a version (or with an empty
     * one) the key's current version is looked up and stored when it first encrypts.
     *
     * @throws IllegalArgumentException when the URL has another shape
     */
    public static AzureKeyVaultMasterKey key(String url) {
        String trimmed = url.strip();
        Matcher matcher = KEY_URL.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("could not parse \"" + trimmed + "\" into a valid Azure Key Vault MasterKey");
        }
        String version = matcher.group(3) == null || matcher.group(3).length() <= 1 ? "" : matcher.group(3).substring(1);
        return key(matcher.group(1), matcher.group(2), version);
    }

    /** A key from its parts, as in a key group's {@code {vaultUrl, key, version}} object. */
    public static AzureKeyVaultMasterKey key(String vaultUrl, String name, String version) {
        return new AzureKeyVaultMasterKey(vaultUrl, name, version, CreatedAt.now(), "");
    }

    /** One key per entry of a comma-separated URL list ({@code SOPS_AZURE_KEYVAULT_URLS}, {@code --azure-kv}). */
    public static List<AzureKeyVaultMasterKey> keys(String commaSeparatedUrls) {
        List<AzureKeyVaultMasterKey> keys = new ArrayList<>();
        if (commaSeparatedUrls == null || commaSeparatedUrls.isEmpty()) {
            return keys;
        }
        for (String url : commaSeparatedUrls.split(",", -1)) {
            keys.add(key(url));
        }
        return keys;
    }
}
