package io.sops4j.spring;

import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import java.util.Objects;
import org.springframework.boot.context.config.ConfigDataResource;
import org.springframework.core.io.Resource;

/**
 * One SOPS file to import: where it is, its format, the profile it belongs to (if any) and the
 * key environment it is decrypted with.
 */
final class SopsConfigDataResource extends ConfigDataResource {

    private final String path;
    private final Resource resource;
    private final Format format;
    private final String profile;
    private final KeyEnvironment keys;

    SopsConfigDataResource(String path, Resource resource, Format format, String profile, KeyEnvironment keys) {
        super(profile != null);
        this.path = path;
        this.resource = resource;
        this.format = format;
        this.profile = profile;
        this.keys = keys;
    }

    /** The location without {@code sops:}, as {@code classpath:secrets-dev.sops.yaml}. */
    String path() {
        return path;
    }

    Resource resource() {
        return resource;
    }

    Format format() {
        return format;
    }

    String profile() {
        return profile;
    }

    KeyEnvironment keys() {
        return keys;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SopsConfigDataResource that
                && resource.equals(that.resource) && format == that.format && Objects.equals(profile, that.profile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, format, profile);
    }

    @Override
    public String toString() {
        return SopsPropertySource.NAME_PREFIX + path;
    }
}
