package io.sops4j.cli;

import io.sops4j.config.SopsConfig;
import io.sops4j.format.Format;
import io.sops4j.internal.crypto.Primitives;
import io.sops4j.metadata.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sops}: the command line, with upstream's subcommands, flags, outputs and exit codes. */
@Command(name = "sops",
        mixinStandardHelpOptions = true,
        versionProvider = SopsCommand.Version.class,
        description = "sops - encrypted file editor with AWS KMS, GCP KMS, Azure Key Vault, age, and GPG support")
public final class SopsCommand {

    /**
     * The subcommands by name, in the order help lists them. Only the one being run is registered
     * with picocli (building a command's model is reflection over its class): all of them for help,
     * completion and anything that is not a known subcommand.
     */
    static final class Subcommands {
        static final Map<String, Class<?>> ALL = subcommands(
                "decrypt", DecryptCommand.class, "encrypt", EncryptCommand.class, "edit", EditCommand.class,
                "rotate", RotateCommand.class, "updatekeys", UpdateKeysCommand.class, "set", SetCommand.class,
                "unset", UnsetCommand.class, "exec-env", ExecEnvCommand.class, "exec-file", ExecFileCommand.class,
                "filestatus", FileStatusCommand.class, "groups", GroupsCommand.class, "keyservice", KeyServiceCommand.class,
                "completion", CompletionCommand.class);

        private Subcommands() {
        }
    }

    /**
     * The subcommands' names, without {@link Subcommands}' class literals: loading a command class
     * checks its verification constraints, and on Java 25 those of {@link CompletionCommand} load
     * picocli's exception classes, which no start-up archive holds, from the start jar.
     */
    static final class SubcommandNames {
        static final Set<String> ALL = Set.of("decrypt", "encrypt", "edit", "rotate", "updatekeys", "set", "unset",
                "exec-env", "exec-file", "filestatus", "groups", "keyservice", "completion");

        /** The subcommands that encrypt or decrypt values or data keys. */
        static final Set<String> WITH_CRYPTO = Set.of("decrypt", "encrypt", "edit", "rotate", "updatekeys", "set",
                "unset", "exec-env", "exec-file");

        private SubcommandNames() {
        }
    }

    /** Null when not given: {@code --indent 0} is not the same as no {@code --indent} for JSON. */
    @Option(names = "--indent", description = "the number of spaces to indent YAML or JSON files")
    Integer indent;

    @Option(names = "--config", description = "path to sops' config file. If set, sops will not search for the config file recursively.")
    String config;

    @Option(names = "--encrypted-comment-regex", description = "set the encrypted comment regex")
    String encryptedCommentRegex;

    @Option(names = "--unencrypted-comment-regex", description = "set the unencrypted comment regex")
    String unencryptedCommentRegex;

    @Option(names = "--mac-only-encrypted", description = "compute the MAC only over encrypted values")
    boolean macOnlyEncrypted;

    @Option(names = "--verbose", description = "enable verbose logging output")
    boolean verbose;

    Streams streams = Streams.system();

    /** The run's {@code .sops.yaml}, once {@link CliSupport#config} has looked for it. */
    Optional<SopsConfig> loadedConfig;

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(Version.text());
            return;
        }
        int exitCode = runOrRerun(args, Streams.system());
        if (exitCode != 0 || otherThreadsKeepTheJvm()) {
            System.exit(exitCode);
        }
    }

    /**
     * Whether a thread besides this one would keep the JVM running once {@code main} returns. When
     * none does, a successful run ends by returning: the JVM then exits with 0 and runs the shutdown
     * hooks as {@code System.exit(0)} would, without the {@code System.Logger} that
     * {@code Runtime.exit} sets up since Java 21 to log the exit (a service look-up through the
     * start jar, 8 ms of a {@code filestatus}).
     */
    static boolean otherThreadsKeepTheJvm() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        if (count == threads.length) {
            return true;
        }
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            if (thread != Thread.currentThread() && !thread.isDaemon() && thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    /** {@link #run}, or the exit code of the command run again for a large input ({@link LargeInputRerun}). */
    static int runOrRerun(String[] args, Streams streams) {
        OptionalInt rerun = LargeInputRerun.run(args);
        return rerun.isPresent() ? rerun.getAsInt() : run(args, streams);
    }

    private static Map<String, Class<?>> subcommands(Object... namesAndClasses) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndClasses.length; i += 2) {
            byName.put((String) namesAndClasses[i], (Class<?>) namesAndClasses[i + 1]);
        }
        return Collections.unmodifiableMap(byName);
    }

    /** {@code --input-type} and {@code --output-type}: an unknown name is a usage error; empty means "from the name". */
    private static Format format(String name) {
        if (name.isEmpty()) {
            return null;
        }
        return Format.fromName(name).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + name + "' is not a file type (expected yaml, json, dotenv, ini or binary)"));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    static int run(String[] args, Streams streams) {
        OptionalInt fast = FastPath.run(args, streams);
        return fast.isPresent() ? fast.getAsInt() : runWithPicocli(args, streams);
    }

    /** {@link #run} with every argument parsed by picocli. */
    static int runWithPicocli(String[] args, Streams streams) {
        SopsCommand root = new SopsCommand();
        root.streams = streams;
        CommandLine commandLine = new CommandLine(root);
        String[] rewritten = LegacyArguments.rewrite(args, SubcommandNames.ALL);
        Optional<String> subcommand = LegacyArguments.subcommand(rewritten, SubcommandNames.ALL)
                .filter(name -> !name.equals("completion"));
        if (subcommand.isPresent()) {
            if (SubcommandNames.WITH_CRYPTO.contains(subcommand.get())) {
                Primitives.current().prepareInBackground();
            }
            commandLine.addSubcommand(subcommand.get(), Subcommands.ALL.get(subcommand.get()));
        } else {
            Subcommands.ALL.forEach(commandLine::addSubcommand);
        }
        commandLine.setOut(new PrintWriter(streams.out(), true));
        commandLine.setErr(new PrintWriter(streams.err(), true));
        commandLine.registerConverter(Format.class, SopsCommand::format);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) ->
                FailureReport.print(exception, streams.err(), root.verbose));
        commandLine.setExecutionStrategy(parseResult -> {
            StderrLoggerFinder.verbose(root.verbose, streams.err());
            long start = System.nanoTime();
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                if (root.verbose) {
                    String command = parseResult.subcommand() == null ? "sops"
                            : parseResult.subcommand().commandSpec().qualifiedName();
                    System.getLogger("io.sops4j.cli").log(System.Logger.Level.DEBUG,
                            command + " finished in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
            }
        });
        commandLine.setParameterExceptionHandler((exception, cmd) -> {
            streams.err().println(exception.getMessage());
            return 1;
        });
        try {
            return commandLine.execute(rewritten);
        } catch (RuntimeException | Error failure) {
            return FailureReport.print(failure, streams.err(), root.verbose);
        }
    }

    /** The {@code --version} text, in upstream's shape, with the build's own version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {text()};
        }

        static String text() {
            Properties build = new Properties();
            try (InputStream in = SopsCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                // the version is then reported as unknown
            }
            return "sops " + Metadata.SOPS_VERSION + " (sops4j " + build.getProperty("version", "unknown") + ")";
        }
    }
}
