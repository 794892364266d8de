package io.sops4j.maven;

import io.sops4j.DecryptedFile;
import io.sops4j.Sops;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.DataKeyException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Decrypts the SOPS files of {@code sourceDirectory} into {@code outputDirectory}, keeping their
 * relative paths. Output files are readable by their owner only (0600, directories 0700, where
 * the file system has POSIX permissions). An output newer than its input and written with the same
 * options is left alone. Each file's data key is decrypted once; the MAC is always verified.
 * Plaintext is never logged.
 */
@Mojo(name = "decrypt", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class DecryptMojo extends AbstractSopsMojo {

    /** Where decrypted files are written, under the same relative paths as their inputs. */
    @Parameter(property = "sops.outputDirectory", defaultValue = "${project.build.directory}/sops")
    File outputDirectory;

    /**
     * Writes the plaintext in this format instead of the input's own: {@code yaml}, {@code json},
     * {@code dotenv}, {@code ini} or {@code binary}. The file extension changes to match
     * ({@code .yaml}, {@code .json}, {@code .env}, {@code .ini}, none for binary).
     */
    @Parameter(property = "sops.outputFormat")
    String outputFormat;

    /**
     * Whether a file whose data key no available key can decrypt fails the build. When false, such
     * files are reported as a warning and skipped; a MAC mismatch or a damaged file still fails.
     */
    @Parameter(property = "sops.failOnMissingKey", defaultValue = "true")
    boolean failOnMissingKey;

    /** Where the record of written outputs lives, for incremental builds. */
    @Parameter(defaultValue = "${project.build.directory}/sops-maven-plugin", readonly = true, required = true)
    File stateDirectory;

    @Override
    String goal() {
        return "decrypt";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Format output = outputFormat();
        List<Path> files = selectFiles();
        if (files.isEmpty()) {
            return;
        }
        Optional<SopsConfig> config = config();
        Sops sops = sops(config);
        Path source = sourceDirectory.toPath();
        Path target = outputDirectory.toPath();
        Path stateFile = stateDirectory.toPath().resolve("decrypt-" + digest(target.toAbsolutePath().toString()) + ".properties");
        DecryptState state;
        try {
            state = DecryptState.load(stateFile);
        } catch (IOException e) {
            throw ioFailure(stateFile, e);
        }
        int decrypted = 0;
        int upToDate = 0;
        int withoutKey = 0;
        try {
            for (Path relative : files) {
                Path input = source.resolve(relative);
                Format inputFormat = Format.fromPath(input);
                Format outputFormat = output == null ? inputFormat : output;
                Path outputFile = target.resolve(OutputNames.rename(FileSelection.slashed(relative), inputFormat, outputFormat));
                String options = "input=" + input.toAbsolutePath() + ";format=" + outputFormat.cliName();
                try {
                    if (state.isUpToDate(input, outputFile, options)) {
                        getLog().debug("Up to date: " + display(outputFile));
                        upToDate++;
                        continue;
                    }
                    byte[] plaintext = decrypt(sops, input, outputFormat);
                    if (plaintext == null) {
                        withoutKey++;
                        continue;
                    }
                    reportWrite(SecureFiles.writeOwnerOnly(outputFile, plaintext));
                    java.util.Arrays.fill(plaintext, (byte) 0);
                    state.written(outputFile, options);
                    getLog().debug("Decrypted " + display(input) + " to " + display(outputFile));
                    decrypted++;
                } catch (SopsException e) {
                    throw failure(e.inFile(input));
                } catch (IOException e) {
                    throw ioFailure(input, e);
                }
            }
        } finally {
            try {
                state.save();
            } catch (IOException e) {
                getLog().warn("sops:decrypt could not record its outputs in " + display(stateFile) + ": " + e.getMessage());
            }
        }
        StringBuilder summary = new StringBuilder("sops:decrypt: ").append(decrypted).append(" file(s) decrypted to ")
                .append(display(target)).append(", ").append(upToDate).append(" up to date");
        if (withoutKey > 0) {
            summary.append(", ").append(withoutKey).append(" skipped without a key");
        }
        getLog().info(summary);
    }

    /** The plaintext of one file, or null when no key is available and that is allowed. */
    private byte[] decrypt(Sops sops, Path input, Format outputFormat) throws MojoFailureException {
        DecryptedFile file;
        try {
            file = sops.decrypt(input);
        } catch (DataKeyException e) {
            if (failOnMissingKey) {
                throw failure(e.inFile(input));
            }
            getLog().warn("sops:decrypt skipped " + display(input) + ": no available key decrypts its data key "
                    + "(failOnMissingKey is false). " + e.getMessage());
            return null;
        } catch (SopsException e) {
            throw failure(e.inFile(input));
        }
        try (file) {
            return file.toBytes(outputFormat);
        } catch (SopsException e) {
            throw failure(e.inFile(input));
        }
    }

    private Format outputFormat() throws MojoFailureException {
        if (outputFormat == null || outputFormat.isBlank()) {
            return null;
        }
        return Format.fromName(outputFormat.trim().toLowerCase(Locale.ROOT)).orElseThrow(() -> new MojoFailureException(
                "sops:decrypt: unknown outputFormat '" + outputFormat + "'; use yaml, json, dotenv, ini or binary"));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
