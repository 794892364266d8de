package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.Sops;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.metadata.Metadata;
import java.nio.file.Files;
import io.sops4j.format.StoreOptions;
import java.nio.file.Path;
import java.util.Optional;

/** What every subcommand derives from the global flags. */
final class CliSupport {

    private CliSupport() {
    }

    static Sops.Builder sops(SopsCommand global) {
        return Sops.builder().keySources(CliKeySources.get()).storeOptions(storeOptions(global)).warnings(warning -> global.streams.err().println(
                "Warning: " + warning));
    }

    /** Store layout from {@code .sops.yaml} {@code stores:}, with {@code --indent} taking precedence. */
    static StoreOptions storeOptions(SopsCommand global) {
        Optional<SopsConfig> config = config(global);
        StoreOptions configured = config.isPresent() ? config.get().storeOptions() : StoreOptions.DEFAULTS;
        return global.indent != null ? configured.withIndent(global.indent) : configured;
    }

    /**
     * The {@code .sops.yaml} that applies: {@code --config}, {@code SOPS_CONFIG}, or found from the
     * working directory up. Located and parsed once per run.
     */
    static Optional<SopsConfig> config(SopsCommand global) {
        if (global.loadedConfig == null) {
            Optional<Path> found = SopsConfig.locate(global.config == null ? null : Path.of(global.config), Path.of(""),
                    KeyEnvironment.system());
            global.loadedConfig = found.isPresent() ? Optional.of(SopsConfig.load(found.get())) : Optional.empty();
        }
        return global.loadedConfig;
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
        if (!Versions.isSemantic(version)) {
            throw new SopsException(ExitCode.GENERIC, "Error checking for KMS encryption context bug: version '"
                    + version + "' of the file is not a semantic version", file, null, null);
        }
    }

    /** Decrypts an existing file as the command line does: missing file exit 100, then the version check. */
    static DecryptedFile decrypt(Sops sops, Path file, Format format) {
        requireFile(file);
        DecryptedFile decrypted = sops.decrypt(file, format);
        try {
            checkVersion(decrypted.metadata(), file);
        } catch (SopsException e) {
            decrypted.close();
            throw e;
        }
        return decrypted;
    }

    /** The file must exist; a directory or a file that cannot be read fails when read, with exit 2. */
    static void requireFile(Path file) {
        if (file == null || !Files.exists(file)) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: cannot operate on non-existent file", file, null, null);
        }
    }

    static byte[] read(Path file) {
        requireFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Error reading file: " + FailureReport.reason(e), file,
                    null, e);
        }
    }
}
