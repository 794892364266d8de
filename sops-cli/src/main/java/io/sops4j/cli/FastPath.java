package io.sops4j.cli;

import io.sops4j.format.Format;
import io.sops4j.internal.crypto.Primitives;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The everyday invocations run without picocli, whose model of a command costs more start-up
 * time than the command's own work on a small file: {@code filestatus FILE} and
 * {@code decrypt FILE} (also upstream's {@code -d FILE}) with the flags below, as {@code --name value}
 * or {@code --name=value}. Anything else is left to picocli -- global flags, any other flag, a flag
 * given twice, a value that is empty or starts with {@code -} or {@code @}, a file that looks like
 * an option, contains {@code =} or is missing, more than one file, help -- so usage errors, help
 * and their exit codes are always picocli's. The commands are the same objects picocli fills in.
 */
final class FastPath {

    private static final Map<String, String> DECRYPT_FLAGS = Map.of("--ignore-mac", "--ignore-mac", "-i", "--in-place",
            "--in-place", "--in-place");
    private static final Set<String> DECRYPT_VALUES = Set.of("--extract", "--input-type", "--output-type", "--output",
            "--filename-override", "--decryption-order");
    private static final Set<String> FILESTATUS_VALUES = Set.of("--input-type");

    private FastPath() {
    }

    /** The exit code when {@code args} are a shape run here; empty when picocli has to run them. */
    static OptionalInt run(String[] args, Streams streams) {
        Optional<Callable<Integer>> command = command(args, streams);
        return command.isPresent() ? OptionalInt.of(execute(command.get(), streams)) : OptionalInt.empty();
    }

    /** The command {@code args} ask for, filled in as picocli would; empty when they are not a shape run here. */
    static Optional<Callable<Integer>> command(String[] args, Streams streams) {
        String[] rewritten = LegacyArguments.rewrite(args, SopsCommand.SubcommandNames.ALL);
        if (rewritten.length < 2) {
            return Optional.empty();
        }
        SopsCommand root = new SopsCommand();
        root.streams = streams;
        try {
            return switch (rewritten[0]) {
                case "decrypt" -> decrypt(root, rewritten);
                case "filestatus" -> fileStatus(root, rewritten);
                default -> Optional.empty();
            };
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Callable<Integer>> decrypt(SopsCommand root, String[] args) {
        Map<String, String> given = parse(args, DECRYPT_FLAGS, DECRYPT_VALUES);
        if (given == null || !formats(given)) {
            return Optional.empty();
        }
        DecryptCommand command = new DecryptCommand();
        command.global = root;
        command.options = new FileOptions();
        command.keyServices = new KeyServiceOptions();
        command.options.file = Path.of(given.get(""));
        command.options.inPlace = given.containsKey("--in-place");
        command.options.output = given.containsKey("--output") ? Path.of(given.get("--output")) : null;
        command.options.inputType = format(given.get("--input-type"));
        command.options.outputType = format(given.get("--output-type"));
        command.options.filenameOverride = given.get("--filename-override");
        command.extract = given.get("--extract");
        command.ignoreMac = given.containsKey("--ignore-mac");
        command.decryptionOrder = given.get("--decryption-order");
        return Optional.of(command);
    }

    private static Optional<Callable<Integer>> fileStatus(SopsCommand root, String[] args) {
        Map<String, String> given = parse(args, Map.of(), FILESTATUS_VALUES);
        if (given == null || !formats(given)) {
            return Optional.empty();
        }
        FileStatusCommand command = new FileStatusCommand();
        command.global = root;
        command.file = Path.of(given.get(""));
        command.inputType = format(given.get("--input-type"));
        return Optional.of(command);
    }

    /**
     * The options after the subcommand by name (a flag's value is null) and the one file under
     * {@code ""}; null when anything is not plainly one of them.
     */
    private static Map<String, String> parse(String[] args, Map<String, String> flags, Set<String> withValue) {
        Map<String, String> given = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = "";
            String value = arg;
            if (arg.startsWith("-")) {
                int separator = arg.indexOf('=');
                name = separator < 0 ? arg : arg.substring(0, separator);
                value = separator < 0 ? null : arg.substring(separator + 1);
                if (flags.containsKey(name) && value == null) {
                    name = flags.get(name);
                } else if (!withValue.contains(name)) {
                    return null;
                } else {
                    if (value == null) {
                        value = ++i < args.length ? args[i] : "";
                    }
                    if (!plain(value)) {
                        return null;
                    }
                }
            } else if (!plain(arg) || arg.indexOf('=') >= 0) {
                return null;
            }
            if (given.containsKey(name)) {
                return null;
            }
            given.put(name, value);
        }
        return given.containsKey("") ? given : null;
    }

    private static boolean plain(String value) {
        return !value.isEmpty() && !value.startsWith("-") && !value.startsWith("@");
    }

    private static boolean formats(Map<String, String> given) {
        for (String option : new String[] {"--input-type", "--output-type"}) {
            String name = given.get(option);
            if (name != null && Format.fromName(name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Format format(String name) {
        return name == null ? null : Format.fromName(name).orElseThrow();
    }

    private static int execute(Callable<Integer> command, Streams streams) {
        if (command instanceof DecryptCommand) {
            Primitives.current().prepareInBackground();
        }
        StderrLoggerFinder.verbose(false, streams.err());
        try {
            return command.call();
        } catch (Exception | Error failure) {
            return FailureReport.print(failure, streams.err(), false);
        }
    }
}
