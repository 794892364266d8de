package io.sops4j.cli;

import io.sops4j.ExitCode;
import io.sops4j.Sops;
import io.sops4j.SopsException;
import io.sops4j.metadata.Metadata;
import io.sops4j.store.StoreOptions;
import java.nio.file.Path;
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

    static StoreOptions storeOptions(SopsCommand global) {
        return global.indent != 0 ? StoreOptions.DEFAULTS.withIndent(global.indent) : StoreOptions.DEFAULTS;
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
