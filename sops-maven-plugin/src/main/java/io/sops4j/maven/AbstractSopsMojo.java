package io.sops4j.maven;

import io.sops4j.Sops;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.SopsException;
import io.sops4j.internal.files.SafeFileWriter;
import io.sops4j.internal.files.WriteResult;
import io.sops4j.keys.KeyEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the files it works on, the {@code .sops.yaml} it follows and {@code skip}.
 * Keys are never parameters: they come from the environment, key files and agents, as for the
 * {@code sops} command line ({@code SOPS_AGE_KEY_FILE}, {@code SOPS_AGE_KEY}, GnuPG, ...).
 */
abstract class AbstractSopsMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "sops.skip", defaultValue = "false")
    boolean skip;

    /** The directory whose files the goal works on. */
    @Parameter(property = "sops.sourceDirectory", defaultValue = "${project.basedir}/src/main/secrets")
    File sourceDirectory;

    /**
     * Ant-style patterns, relative to {@code sourceDirectory}, of the files to work on; all files
     * ({@code **}{@code /*}) by default. {@code .sops.yaml} files are never included.
     */
    @Parameter
    List<String> includes;

    /** Ant-style patterns, relative to {@code sourceDirectory}, of files to leave out. */
    @Parameter
    List<String> excludes;

    /**
     * The {@code .sops.yaml} to use. By default {@code SOPS_CONFIG}, else the first {@code .sops.yaml}
     * found from the project directory upwards, as the command line looks from its working directory.
     */
    @Parameter(property = "sops.config")
    File configFile;

    /**
     * Key services that wrap and unwrap data keys after the build's own keys, as sops's
     * {@code --keyservice}: {@code tcp://host:port} or {@code unix:///path}. URIs only, never key
     * material. Needs {@code io.sops4j:sops-keyservice} as a dependency of the plugin.
     */
    @Parameter(property = "sops.keyServices")
    List<String> keyServices;

    /** Whether the build's own keys wrap and unwrap data keys, as sops's {@code --enable-local-keyservice}. */
    @Parameter(property = "sops.enableLocalKeyService", defaultValue = "true")
    boolean enableLocalKeyService = true;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    private KeyEnvironment environment = KeyEnvironment.system();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping sops:" + goal() + " (sops.skip)");
            return;
        }
        boolean named = keyServices != null && !keyServices.isEmpty();
        if (!named && enableLocalKeyService) {
            run();
            return;
        }
        try (KeyServiceConnections connections = KeyServiceConnections.open(named ? keyServices : List.of(), goal())) {
            environment = KeyEnvironment.system().withLocalKeyService(enableLocalKeyService)
                    .withKeyServices(connections.services());
            run();
        }
    }

    /** The goal name, for messages. */
    abstract String goal();

    abstract void run() throws MojoExecutionException, MojoFailureException;

    KeyEnvironment environment() {
        return environment;
    }

    /** The configuration that applies, if any. */
    Optional<SopsConfig> config() throws MojoFailureException {
        Optional<Path> located = SopsConfig.locate(configFile == null ? null : configFile.toPath(), basedir.toPath(), environment());
        if (located.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(located.get())) {
            throw new MojoFailureException("sops:" + goal() + ": configuration file " + located.get() + " does not exist");
        }
        try {
            return Optional.of(SopsConfig.load(located.get()));
        } catch (SopsException e) {
            throw failure(e);
        }
    }

    Sops sops(Optional<SopsConfig> config) {
        Sops.Builder builder = Sops.builder().environment(environment());
        config.ifPresent(c -> builder.storeOptions(c.storeOptions()));
        return builder.build();
    }

    /** The selected files of {@code sourceDirectory}, relative to it. */
    List<Path> selectFiles() throws MojoExecutionException {
        try {
            List<Path> files = new FileSelection(includes, excludes).select(sourceDirectory.toPath());
            if (files.isEmpty()) {
                getLog().info("sops:" + goal() + ": no files selected in " + display(sourceDirectory.toPath()));
            }
            return files;
        } catch (IOException e) {
            throw ioFailure(sourceDirectory.toPath(), e);
        }
    }

    /** A path relative to the project directory when inside it, for messages. */
    String display(Path path) {
        Path project = basedir.toPath().toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(project) && !absolute.equals(project) ? project.relativize(absolute).toString() : absolute.toString();
    }

    /**
     * The build failure for a sops error: it names the file and the cause. The cause chain is left
     * out on purpose, so that no library message below sops4j's own can reach the log.
     */
    MojoFailureException failure(SopsException e) {
        String file = e.file() == null ? "" : display(e.file()) + ": ";
        return new MojoFailureException("sops:" + goal() + " failed: " + file + cause(e));
    }

    /** What {@link SopsException#describe()} says after the file name: the message and the key path. */
    static String cause(SopsException e) {
        String described = e.describe();
        return e.file() == null ? described : described.substring(e.file().toString().length() + 2);
    }

    MojoExecutionException ioFailure(Path file, IOException e) {
        return new MojoExecutionException("sops:" + goal() + " failed: " + display(file) + ": " + SafeFileWriter.reason(e));
    }

    /** Says so in the build log when a file was rewritten in place rather than replaced atomically. */
    void reportWrite(WriteResult result) {
        if (!result.warning().isEmpty()) {
            getLog().warn(display(result.file()) + ": " + result.reason() + "; rewritten in place, not atomically");
        }
    }

    static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
