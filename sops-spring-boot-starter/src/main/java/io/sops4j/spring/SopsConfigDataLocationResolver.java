package io.sops4j.spring;

import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.Profiles;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Resolves {@code sops:classpath:<path>}, {@code sops:file:<path>} and {@code sops:<path>} (a
 * file path) imports. The format follows from the file name, or from a Boot-style hint such as
 * {@code sops:file:./secrets[.yaml]}. For every active profile {@code p}, {@code secrets.sops.yaml}
 * also imports {@code secrets-p.sops.yaml} when that file exists.
 */
class SopsConfigDataLocationResolver implements ConfigDataLocationResolver<SopsConfigDataResource> {

    static final String PREFIX = "sops:";
    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";
    private static final Pattern EXTENSION_HINT = Pattern.compile("^(.*)\\[(\\.\\w+)]$");

    private final ResourceLoader resourceLoader;
    private final KeyEnvironment processKeys;

    SopsConfigDataLocationResolver(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
        this.processKeys = KeyEnvironment.system();
    }

    @Override
    public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
        return location.hasPrefix(PREFIX);
    }

    @Override
    public List<SopsConfigDataResource> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
        KeyEnvironment keys = KeySettings.apply(context.getBinder(), processKeys);
        return List.of(resource(location.getNonPrefixedValue(PREFIX), null, keys));
    }

    @Override
    public List<SopsConfigDataResource> resolveProfileSpecific(ConfigDataLocationResolverContext context,
            ConfigDataLocation location, Profiles profiles) {
        KeyEnvironment keys = KeySettings.apply(context.getBinder(), processKeys);
        String path = location.getNonPrefixedValue(PREFIX);
        List<SopsConfigDataResource> resources = new ArrayList<>();
        for (String profile : profiles.getAccepted()) {
            resources.add(resource(profileSpecificPath(path, profile), profile, keys));
        }
        return resources;
    }

    private SopsConfigDataResource resource(String location, String profile, KeyEnvironment keys) {
        String path = location;
        Format format = null;
        Matcher hint = EXTENSION_HINT.matcher(location);
        if (hint.matches()) {
            path = hint.group(1);
            format = Format.fromPath(hint.group(2));
        }
        Resource resource;
        if (path.startsWith(CLASSPATH)) {
            resource = resourceLoader.getResource(path);
        } else if (path.startsWith(FILE)) {
            resource = new FileSystemResource(path.substring(FILE.length()));
        } else if (path.isEmpty() || path.matches("^[A-Za-z][A-Za-z0-9+.*-]+:.*")) {
            throw SopsConfigDataException.unsupportedLocation(PREFIX + location);
        } else {
            resource = new FileSystemResource(path);
        }
        if (format == null) {
            format = Format.fromPath(resource.getFilename());
        }
        return new SopsConfigDataResource(location, resource, format, profile, keys);
    }

    /**
     * {@code secrets.sops.yaml} becomes {@code secrets-dev.sops.yaml}; {@code secrets.yaml} becomes
     * {@code secrets-dev.yaml}; a name without an extension gets {@code -dev} appended.
     */
    static String profileSpecificPath(String location, String profile) {
        String hint = "";
        Matcher matcher = EXTENSION_HINT.matcher(location);
        if (matcher.matches()) {
            location = matcher.group(1);
            hint = "[" + matcher.group(2) + "]";
        }
        int nameStart = Math.max(location.lastIndexOf('/'), location.lastIndexOf(':')) + 1;
        String directory = location.substring(0, nameStart);
        String name = location.substring(nameStart);
        int split = name.indexOf(".sops.");
        if (split < 0) {
            split = name.lastIndexOf('.');
        }
        if (split <= 0) {
            return directory + name + "-" + profile + hint;
        }
        return directory + name.substring(0, split) + "-" + profile + name.substring(split) + hint;
    }
}
