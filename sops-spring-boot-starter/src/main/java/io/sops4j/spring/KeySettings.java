package io.sops4j.spring;

import io.sops4j.keys.KeyEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The {@code sops.*} properties: where key files are, never key material. They override the
 * matching environment variables of the process. Key material is accepted only where sops itself
 * reads it, the process environment ({@code SOPS_AGE_KEY}, which Boot also shows as
 * {@code sops.age.key}); typed into any other property source it stops the application.
 */
final class KeySettings {

    static final String PREFIX = "sops";
    static final String AGE_KEY_FILE = "sops.age.key-file";
    static final String GNUPG_HOME = "sops.pgp.gnupg-home";
    static final String KEY_SERVICES = "sops.key-services";
    static final String ENABLE_LOCAL_KEY_SERVICE = "sops.enable-local-key-service";

    private static final ConfigurationPropertyName PREFIX_NAME = ConfigurationPropertyName.of(PREFIX);
    private static final String[] KEY_MATERIAL_MARKERS = {
        "AGE-SECRET-KEY-", "AGE-PLUGIN-", "-----BEGIN PGP PRIVATE KEY BLOCK-----", "-----BEGIN OPENSSH PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----"
    };

    private KeySettings() {
    }

    /** The process's key environment with the {@code sops.*} properties applied. */
    static KeyEnvironment apply(Binder binder, KeyEnvironment environment) {
        KeyMaterialFinder finder = new KeyMaterialFinder();
        binder.bind(PREFIX, Bindable.mapOf(String.class, Object.class), finder);
        finder.reject();
        SopsProperties properties = binder.bind(PREFIX, SopsProperties.class).orElseGet(SopsProperties::new);
        String ageKeyFile = properties.getAge().getKeyFile();
        String gnupgHome = properties.getPgp().getGnupgHome();
        if (ageKeyFile != null) {
            requireNoKeyMaterial(AGE_KEY_FILE, ageKeyFile);
            requireExists(AGE_KEY_FILE, ageKeyFile);
            environment = environment.with("SOPS_AGE_KEY_FILE", ageKeyFile);
        }
        if (gnupgHome != null) {
            requireNoKeyMaterial(GNUPG_HOME, gnupgHome);
            requireExists(GNUPG_HOME, gnupgHome);
            environment = environment.with("GNUPGHOME", gnupgHome);
        }
        if (!properties.getKeyServices().isEmpty() || !properties.isEnableLocalKeyService()) {
            environment = environment.withLocalKeyService(properties.isEnableLocalKeyService())
                    .withKeyServices(KeyServiceClients.connect(KEY_SERVICES, properties.getKeyServices()));
        }
        return environment;
    }

    /**
     * Refuses key material in a {@code sops.*} property of any of {@code sources} but the process
     * environment, including values that a source of higher precedence hides.
     */
    static void rejectKeyMaterial(Iterable<ConfigurationPropertySource> sources) {
        Set<String> found = new TreeSet<>();
        for (ConfigurationPropertySource source : sources) {
            if (source instanceof IterableConfigurationPropertySource iterable && !fromProcessEnvironment(source)) {
                iterable.filter(PREFIX_NAME::isAncestorOf).stream().forEach(name -> {
                    ConfigurationProperty property = iterable.getConfigurationProperty(name);
                    if (property != null && property.getValue() != null
                            && looksLikeKeyMaterial(property.getValue().toString())) {
                        found.add(name.toString());
                    }
                });
            }
        }
        if (!found.isEmpty()) {
            throw SopsConfigDataException.keyMaterialInProperty(found.iterator().next());
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

    private static boolean fromProcessEnvironment(ConfigurationPropertySource source) {
        return source != null && source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
    }

    private static void requireNoKeyMaterial(String property, String value) {
        if (looksLikeKeyMaterial(value)) {
            throw SopsConfigDataException.keyMaterialInProperty(property);
        }
    }

    private static void requireExists(String property, String path) {
        if (!Files.exists(Path.of(path))) {
            throw SopsConfigDataException.keyPathNotFound(property, path);
        }
    }

    /** Notes the {@code sops.*} values that hold key material and do not come from the process environment. */
    private static final class KeyMaterialFinder extends AbstractBindHandler {

        private final Set<String> found = new TreeSet<>();

        @Override
        public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
            ConfigurationProperty property = context.getConfigurationProperty();
            if (!(result instanceof Map) && property != null && property.getName().equals(name)
                    && !fromProcessEnvironment(property.getSource()) && looksLikeKeyMaterial(result.toString())) {
                found.add(name.toString());
            }
            return result;
        }

        void reject() {
            if (!found.isEmpty()) {
                throw SopsConfigDataException.keyMaterialInProperty(found.iterator().next());
            }
        }
    }
}
