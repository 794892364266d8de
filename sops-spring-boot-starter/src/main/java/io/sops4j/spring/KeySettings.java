package io.sops4j.spring;

import io.sops4j.keys.KeyEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The {@code sops.*} properties: where key files are, never key material. They override the
 * matching environment variables of the process.
 */
final class KeySettings {

    static final String PREFIX = "sops";
    static final String AGE_KEY_FILE = "sops.age.key-file";
    static final String GNUPG_HOME = "sops.pgp.gnupg-home";

    private static final String[] KEY_MATERIAL_MARKERS = {
        "AGE-SECRET-KEY-", "AGE-PLUGIN-", "-----BEGIN PGP PRIVATE KEY BLOCK-----", "-----BEGIN OPENSSH PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----"
    };

    private KeySettings() {
    }

    /** The process's key environment with the {@code sops.*} properties applied. */
    static KeyEnvironment apply(Binder binder, KeyEnvironment environment) {
        binder.bind(PREFIX, Bindable.mapOf(String.class, Object.class))
                .ifBound(properties -> rejectKeyMaterial(properties, PREFIX));
        String ageKeyFile = binder.bind(AGE_KEY_FILE, String.class).orElse(null);
        String gnupgHome = binder.bind(GNUPG_HOME, String.class).orElse(null);
        if (ageKeyFile != null) {
            requireExists(AGE_KEY_FILE, ageKeyFile);
            environment = environment.with("SOPS_AGE_KEY_FILE", ageKeyFile);
        }
        if (gnupgHome != null) {
            requireExists(GNUPG_HOME, gnupgHome);
            environment = environment.with("GNUPGHOME", gnupgHome);
        }
        return environment;
    }

    private static void rejectKeyMaterial(Map<?, ?> properties, String prefix) {
        for (Map.Entry<?, ?> entry : properties.entrySet()) {
            String name = prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                rejectKeyMaterial(nested, name);
            } else if (entry.getValue() != null && looksLikeKeyMaterial(entry.getValue().toString())) {
                throw SopsConfigDataException.keyMaterialInProperty(name);
            }
        }
    }

    static boolean looksLikeKeyMaterial(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        for (String marker : KEY_MATERIAL_MARKERS) {
            if (upper.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static void requireExists(String property, String path) {
        if (!Files.exists(Path.of(path))) {
            throw SopsConfigDataException.keyPathNotFound(property, path);
        }
    }
}
