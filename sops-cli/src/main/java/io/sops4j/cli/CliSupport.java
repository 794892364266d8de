package io.sops4j.cli;

import io.sops4j.ExitCode;
import io.sops4j.Sops;
import io.sops4j.SopsException;
import io.sops4j.config.SopsConfig;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.metadata.Metadata;
import io.sops4j.store.StoreOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** What every subcommand derives from the global flags. */
final class CliSupport {

    private static final Pattern SEMVER = Pattern.compile("^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$");

    private CliSupport() {
    }

    static Sops.Builder sops(SopsCommand global) {
        return Sops.builder().storeOptions(storeOptions(global));
    }

    /** Store layout from {@code .sops.yaml} {@code stores:}, with {@code --indent} taking precedence. */
    static StoreOptions storeOptions(SopsCommand global) {
        StoreOptions configured = config(global, KeyEnvironment.system())
                .map(SopsConfig::storeOptions)
                .orElse(StoreOptions.DEFAULTS);
        return global.indent != 0 ? configured.withIndent(global.indent) : configured;
    }

    /** The {@code .sops.yaml} that applies: {@code --config}, {@code SOPS_CONFIG}, or found from the working directory up. */
    static Optional<SopsConfig> config(SopsCommand global, KeyEnvironment environment) {
        return SopsConfig.locate(global.config == null ? null : Path.of(global.config), Path.of(""), environment)
                .map(SopsConfig::load);
    }

    /**
     * Upstream's command line compares the file's {@code version} with 3.3.0 before decrypting and
     * fails on anything that is neither {@code 1.x} nor a semantic version.
     */
    static void checkVersion(Metadata metadata, Path file) {
        String version = metadata.version();
        if (version.startsWith("1.")) {
            return;
        }
        if (!SEMVER.matcher(version).matches()) {
            throw new SopsException(ExitCode.GENERIC, "Error checking for KMS encryption context bug: version '"
                    + version + "' of the file is not a semantic version", file, null, null);
        }
    }
}
