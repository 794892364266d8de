package io.sops4j.kms.vault;

import io.sops4j.kms.CreatedAt;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Builds Vault transit master keys from key URIs such as {@code https://vault:8200/v1/transit/keys/app}. */
public final class VaultTransit {

    private static final Pattern KEY_PATH = Pattern.compile("/v[\\d]+/[^/]+/[^/]+/[^/]+");
    private static final String EXAMPLE = "https://vault.example.com:8200/v1/transit/keys/keyName";

    private VaultTransit() {
    }

    /**
     * A key from its URI: {@code SCHEME://HOST[:PORT]/v1/ENGINE_PATH…/keys/NAME}. The engine path
     * is everything between {@code v1} and the last two segments.
     *
     * @throws IllegalArgumentException when the URI has no scheme or a path of another shape
     */
    public static VaultTransitMasterKey key(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid Vault URL " + uri + ": " + e.getReason());
        }
        if (parsed.getScheme() == null) {
            throw new IllegalArgumentException(
                    "missing scheme in vault URL (should be like this: " + EXAMPLE + "), got: " + uri);
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        if (!KEY_PATH.matcher(path).find()) {
            throw new IllegalArgumentException("vault path does not seem to be formatted correctly: (eg. "
                    + EXAMPLE + "), got: " + path);
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        List<String> parts = Arrays.asList(trimmed.split("/", -1));
        if (!parts.get(0).equals("v1")) {
            throw new IllegalArgumentException("prefixed URL is not supported: " + uri);
        }
        String keyName = parts.get(parts.size() - 1);
        String enginePath = String.join("/", parts.subList(1, parts.size() - 2));
        return new VaultTransitMasterKey(address(parsed), enginePath, keyName, CreatedAt.now(), "");
    }

    /** One key per entry of a comma-separated URI list ({@code SOPS_VAULT_URIS}, {@code --hc-vault-transit}). */
    public static List<VaultTransitMasterKey> keys(String commaSeparatedUris) {
        List<VaultTransitMasterKey> keys = new ArrayList<>();
        if (commaSeparatedUris == null || commaSeparatedUris.isEmpty()) {
            return keys;
        }
        for (String uri : commaSeparatedUris.split(",", -1)) {
            keys.add(key(uri));
        }
        return keys;
    }

    /** The URI without its path, as Go prints a URL whose path was cleared. */
    private static String address(URI uri) {
        StringBuilder text = new StringBuilder(uri.getScheme()).append(':');
        if (uri.getRawAuthority() != null) {
            text.append("//").append(uri.getRawAuthority());
        }
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            text.append('#').append(uri.getRawFragment());
        }
        return text.toString();
    }
}
