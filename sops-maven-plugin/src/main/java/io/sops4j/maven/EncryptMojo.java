package io.sops4j.maven;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.config.CreationRule;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Encrypts the plaintext files of {@code sourceDirectory}, in place or into a sibling named with
 * {@code suffix}. Keys and encryption rules come from the matching {@code .sops.yaml} creation rule,
 * as for {@code sops encrypt}; {@code ageRecipients} and {@code pgpFingerprints} (or
 * {@code SOPS_AGE_RECIPIENTS} and {@code SOPS_PGP_FP}) take the place of the rule's keys. Files that
 * are already encrypted are left alone.
 */
@Mojo(name = "encrypt", threadSafe = true)
public class EncryptMojo extends AbstractSopsMojo {

    /**
     * Writes each encrypted file next to its plaintext, with this text inserted before the extension
     * ({@code .sops}: {@code db.yaml} becomes {@code db.sops.yaml}). Files whose name already holds it
     * are never encrypted again. Without a suffix, files are encrypted in place.
     */
    @Parameter(property = "sops.suffix")
    String suffix;

    /** age recipients (public keys, {@code age1...}) to encrypt for, instead of the creation rule's keys. */
    @Parameter(property = "sops.ageRecipients")
    List<String> ageRecipients;

    /** PGP fingerprints (public) to encrypt for, instead of the creation rule's keys. */
    @Parameter(property = "sops.pgpFingerprints")
    List<String> pgpFingerprints;

    @Override
    String goal() {
        return "encrypt";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<Path> files = selectFiles();
        if (files.isEmpty()) {
            return;
        }
        Optional<SopsConfig> config = config();
        Sops sops = sops(config);
        List<MasterKey> explicitKeys = explicitKeys(sops.environment());
        int encrypted = 0;
        int skipped = 0;
        for (Path relative : files) {
            Path input = sourceDirectory.toPath().resolve(relative);
            if (hasSuffix(input)) {
                continue;
            }
            Path output = output(input);
            try {
                byte[] plaintext = read(input);
                Format format = Format.fromPath(input);
                if (isEncrypted(sops, plaintext, format)) {
                    getLog().debug("Already encrypted: " + display(input));
                    skipped++;
                    continue;
                }
                if (!output.equals(input) && Files.isRegularFile(output)
                        && Files.getLastModifiedTime(output).compareTo(Files.getLastModifiedTime(input)) > 0) {
                    getLog().debug("Up to date: " + display(output));
                    skipped++;
                    continue;
                }
                EncryptionOptions options = options(config, explicitKeys, input);
                byte[] ciphertext = sops.encrypt(plaintext, format, format, options);
                Arrays.fill(plaintext, (byte) 0);
                reportWrite(SecureFiles.replace(output, ciphertext));
                getLog().info("Encrypted " + display(input) + (output.equals(input) ? "" : " to " + display(output)));
                encrypted++;
            } catch (SopsException e) {
                throw failure(e.inFile(input));
            } catch (IOException e) {
                throw ioFailure(input, e);
            }
        }
        getLog().info("sops:encrypt: " + encrypted + " file(s) encrypted, " + skipped + " already encrypted or up to date");
    }

    private EncryptionOptions options(Optional<SopsConfig> config, List<MasterKey> explicitKeys, Path input) {
        Optional<SopsConfig> withRules = config.filter(SopsConfig::hasCreationRules);
        if (!explicitKeys.isEmpty()) {
            EncryptionRules rules = EncryptionRules.none();
            boolean macOnlyEncrypted = false;
            if (withRules.isPresent() && withRules.get().hasPathRuleFor(input)) {
                CreationRule rule = withRules.get().ruleFor(input, KeySources.installed());
                rules = rule.rules();
                macOnlyEncrypted = rule.macOnlyEncrypted();
            }
            return new EncryptionOptions(List.of(new KeyGroup(explicitKeys)), 0, rules, macOnlyEncrypted);
        }
        SopsConfig sopsConfig = withRules.orElseThrow(() -> new SopsException(ExitCode.GENERIC,
                "config file not found, or has no creation rules, and no keys provided through ageRecipients, "
                        + "pgpFingerprints, SOPS_AGE_RECIPIENTS or SOPS_PGP_FP"));
        return sopsConfig.ruleFor(input, KeySources.installed()).toEncryptionOptions();
    }

    private List<MasterKey> explicitKeys(KeyEnvironment environment) throws MojoFailureException {
        List<MasterKey> keys = new ArrayList<>();
        try {
            add(keys, "pgp", pgpFingerprints, environment.get("SOPS_PGP_FP"));
            add(keys, "age", ageRecipients, environment.get("SOPS_AGE_RECIPIENTS"));
        } catch (SopsException e) {
            throw failure(e);
        }
        return keys;
    }

    private static void add(List<MasterKey> keys, String type, List<String> configured, Optional<String> fromEnvironment) {
        List<String> identifiers = new ArrayList<>();
        if (configured != null && !configured.isEmpty()) {
            configured.forEach(entry -> identifiers.addAll(Arrays.asList(entry.split(","))));
        } else {
            fromEnvironment.ifPresent(list -> identifiers.addAll(Arrays.asList(list.split(","))));
        }
        KeySource source = null;
        for (String identifier : identifiers) {
            String trimmed = identifier.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (source == null) {
                source = KeySources.installed().find(type).orElseThrow(() ->
                        new SopsException(ExitCode.GENERIC, "no key source for '" + type + "' keys is installed"));
            }
            keys.add(source.fromIdentifier(trimmed));
        }
    }

    private static boolean isEncrypted(Sops sops, byte[] content, Format format) {
        try {
            sops.metadata(content, format);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean hasSuffix(Path file) {
        String name = file.getFileName().toString();
        return suffix != null && !suffix.isEmpty() && (name.contains(suffix + ".") || name.endsWith(suffix));
    }

    private Path output(Path input) {
        if (suffix == null || suffix.isEmpty()) {
            return input;
        }
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return input.resolveSibling(renamed);
    }
}
