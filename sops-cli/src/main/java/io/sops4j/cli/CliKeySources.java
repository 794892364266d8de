package io.sops4j.cli;

import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key sources of the command line. From an installation ({@code lib/} beside {@code lib/kms/}):
 * the ones on the class path (age, PGP) and stand-ins for the cloud types that load
 * {@code lib/kms/} only when a file or a flag uses such a key. Anywhere else: the class path's.
 */
final class CliKeySources {

    static final List<String> CLOUD_TYPES = List.of("kms", "gcp_kms", "hckms", "azure_kv", "hc_vault");

    private static KeySources sources;

    private CliKeySources() {
    }

    static synchronized KeySources get() {
        if (sources == null) {
            sources = cloudDirectory().map(CliKeySources::withCloudOnDemand).orElseGet(KeySources::installed);
        }
        return sources;
    }

    private static KeySources withCloudOnDemand(Path cloudDirectory) {
        Map<String, KeySource> onClassPath = KeySources.installed().byType();
        List<KeySource> all = new ArrayList<>(onClassPath.values());
        CloudKeySources cloud = new CloudKeySources(cloudDirectory);
        for (String type : CLOUD_TYPES) {
            if (!onClassPath.containsKey(type)) {
                all.add(new DeferredKeySource(type, cloud));
            }
        }
        return KeySources.of(all.toArray(KeySource[]::new));
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
