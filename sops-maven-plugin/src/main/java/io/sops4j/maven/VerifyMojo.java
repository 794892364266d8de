package io.sops4j.maven;

import io.sops4j.Sops;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.DataKeyException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when a file that should be encrypted is not: the files of {@code sourceDirectory}
 * and, with {@code checkCreationRules}, every project file that a {@code .sops.yaml} creation rule's
 * {@code path_regex} matches. A file fails when it has no SOPS metadata (or an empty MAC or
 * version), when it lacks one of {@code requiredRecipients}, or, where a key is available, when
 * its values do not match its MAC. Decrypted values are discarded at once; without a key the MAC
 * check is skipped with a note.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class VerifyMojo extends AbstractSopsMojo {

    /**
     * Recipients every file must be encrypted for, as stored in its metadata: age recipients, PGP
     * fingerprints, KMS ARNs, ... A file lacking any of them fails.
     */
    @Parameter(property = "sops.requiredRecipients")
    List<String> requiredRecipients;

    /**
     * Also checks the files below the project directory that a {@code .sops.yaml} creation rule with
     * a {@code path_regex} matches. The build directory, hidden directories and nested modules
     * (directories with their own {@code pom.xml}) are not searched.
     */
    @Parameter(property = "sops.verify.creationRules", defaultValue = "true")
    boolean checkCreationRules;

    /** Decrypts each file (when a key is available) to check its MAC. */
    @Parameter(property = "sops.verify.mac", defaultValue = "true")
    boolean checkMac;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    java.io.File buildDirectory;

    @Override
    String goal() {
        return "verify";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Set<Path> files = new TreeSet<>();
        try {
            for (Path relative : new FileSelection(includes, excludes).select(sourceDirectory.toPath())) {
                files.add(sourceDirectory.toPath().resolve(relative).toAbsolutePath().normalize());
            }
        } catch (IOException e) {
            throw ioFailure(sourceDirectory.toPath(), e);
        }
        Optional<SopsConfig> config = config();
        if (checkCreationRules && config.isPresent() && config.get().hasCreationRules()) {
            files.addAll(matchingCreationRules(config.get()));
        }
        if (files.isEmpty()) {
            getLog().info("sops:verify: no files to verify");
            return;
        }
        Sops sops = sops(config);
        List<String> problems = new ArrayList<>();
        int macChecked = 0;
        for (Path file : files) {
            try {
                Optional<String> problem = check(sops, file);
                if (problem.isPresent()) {
                    problems.add(display(file) + ": " + problem.get());
                } else if (checkMac) {
                    macChecked++;
                }
            } catch (IOException e) {
                throw ioFailure(file, e);
            } catch (KeyUnavailable e) {
                getLog().info("sops:verify: MAC of " + display(file) + " not checked: no available key decrypts its data key");
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException("sops:verify failed: " + problems.size() + " of " + files.size()
                    + " file(s) are not properly encrypted:\n  " + String.join("\n  ", problems));
        }
        getLog().info("sops:verify: " + files.size() + " file(s) encrypted" + (checkMac ? ", " + macChecked + " MAC(s) checked" : ""));
    }

    private Optional<String> check(Sops sops, Path file) throws IOException, KeyUnavailable {
        byte[] content = read(file);
        Format format = Format.fromPath(file);
        Metadata metadata;
        try {
            metadata = sops.metadata(content, format);
        } catch (RuntimeException e) {
            return Optional.of("not encrypted (no valid sops metadata)");
        }
        if (metadata.mac().isEmpty() || metadata.version().isEmpty()) {
            return Optional.of("not encrypted (the sops metadata has an empty " + (metadata.mac().isEmpty() ? "mac" : "version") + ")");
        }
        Set<String> missing = missingRecipients(metadata);
        if (!missing.isEmpty()) {
            return Optional.of("not encrypted for the required recipient(s) " + String.join(", ", missing));
        }
        if (checkMac) {
            try {
                sops.decrypt(content, format).close();
            } catch (DataKeyException e) {
                throw new KeyUnavailable();
            } catch (SopsException e) {
                return Optional.of(cause(e));
            }
        }
        return Optional.empty();
    }

    private Set<String> missingRecipients(Metadata metadata) {
        Set<String> missing = new LinkedHashSet<>();
        if (requiredRecipients == null) {
            return missing;
        }
        Set<String> present = new LinkedHashSet<>();
        for (KeyGroup group : metadata.keyGroups()) {
            for (MasterKey key : group.keys()) {
                present.add(key.id());
            }
        }
        for (String required : requiredRecipients) {
            String trimmed = required.trim();
            if (!trimmed.isEmpty() && !present.contains(trimmed)) {
                missing.add(trimmed);
            }
        }
        return missing;
    }

    private List<Path> matchingCreationRules(SopsConfig config) throws MojoExecutionException {
        Path root = basedir.toPath().toAbsolutePath().normalize();
        Path build = buildDirectory.toPath().toAbsolutePath().normalize();
        List<Path> matches = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    boolean hidden = dir.getFileName().toString().startsWith(".");
                    boolean module = Files.isRegularFile(dir.resolve("pom.xml"));
                    return hidden || module || dir.equals(build) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !file.getFileName().toString().equals(SopsConfig.FILE_NAME)
                            && config.hasPathRuleFor(file)) {
                        matches.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw ioFailure(root, e);
        } catch (SopsException e) {
            throw new MojoExecutionException("sops:verify failed: " + e.describe());
        }
        return matches;
    }

    /** No available key decrypts the file's data key, so its MAC cannot be checked. */
    private static final class KeyUnavailable extends Exception {
        KeyUnavailable() {
            super(null, null, false, false);
        }
    }
}
