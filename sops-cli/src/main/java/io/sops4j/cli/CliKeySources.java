package io.sops4j.cli;

import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.keys.pgp.PgpKeys;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key sources of the command line. From an installation ({@code lib/} beside {@code lib/kms/}):
 * the ones on the class path (age, PGP) and stand-ins for the cloud types that load
 * {@code lib/kms/} only when a file or a flag uses such a key. Anywhere else: the class path's.
 */
final class CliKeySources {

    static final List<String> CLOUD_TYPES = List.of("kms", "gcp_kms", "hckms", "azure_kv", "hc_vault");

    private static KeySources sources;
    private static CloudKeySources cloud;

    private CliKeySources() {
    }

    static synchronized KeySources get() {
        if (sources == null) {
            Optional<Path> directory = cloudDirectory();
            sources = directory.isPresent() ? withCloudOnDemand(directory.get()) : KeySources.installed();
        }
        return sources;
    }

    /**
     * An installation's class path is its start jar, which holds sops-core's key sources (age and
     * PGP) and no other; they are made here directly, without a service look-up through the jar.
     */
    private static KeySources withCloudOnDemand(Path cloudDirectory) {
        List<KeySource> all = new ArrayList<>(startJarSources());
        CloudKeySources cloud = cloud(cloudDirectory);
        for (String type : CLOUD_TYPES) {
            all.add(new DeferredKeySource(type, cloud));
        }
        return KeySources.of(all.toArray(new KeySource[0]));
    }

    /** The key sources sops-core registers, which the start jar holds. */
    static List<KeySource> startJarSources() {
        return List.of(AgeKeys.keySource(), PgpKeys.keySource());
    }

    /**
     * Where the optional libraries (cloud SDKs, the gRPC key service) are loaded from: the class
     * loader of {@code lib/kms/} in an installation, made on first use; anywhere else the class path's.
     */
    static synchronized ClassLoader optionalClasses() {
        return cloudDirectory().map(directory -> cloud(directory).loader()).orElse(CliKeySources.class.getClassLoader());
    }

    private static synchronized CloudKeySources cloud(Path directory) {
        if (cloud == null) {
            cloud = new CloudKeySources(directory);
        }
        return cloud;
    }

    /** {@code kms/} beside the jar this class was loaded from, when there is one. */
    static Optional<Path> cloudDirectory() {
        CodeSource code = CliKeySources.class.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(code.getLocation().toURI());
            Path kms = location.resolveSibling("kms");
            return Files.isRegularFile(location) && Files.isDirectory(kms) ? Optional.of(kms) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
