package io.sops4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Upstream's form without a subcommand: {@code sops -d file}, {@code sops -e file},
 * {@code sops -r file}, {@code sops --set '["k"] value' file} and {@code sops file} (edit),
 * rewritten into the subcommand form.
 */
final class LegacyArguments {

    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("--indent", "--config", "--encrypted-comment-regex",
            "--unencrypted-comment-regex");
    private static final Set<String> GLOBAL_FLAGS = Set.of("--mac-only-encrypted", "--verbose", "-h", "--help", "-V", "--version");

    private LegacyArguments() {
    }

    /**
     * The subcommand that {@code args} (in the subcommand form) run; empty when they ask for help
     * or the version, or name no known subcommand.
     */
    static Optional<String> subcommand(String[] args, Set<String> subcommands) {
        List<String> globals = new ArrayList<>();
        int i = skipGlobals(args, globals);
        if (i == args.length || !subcommands.contains(args[i])
                || globals.stream().anyMatch(Set.of("-h", "--help", "-V", "--version")::contains)) {
            return Optional.empty();
        }
        return Optional.of(args[i]);
    }

    static String[] rewrite(String[] args, Set<String> subcommands) {
        List<String> globals = new ArrayList<>();
        int i = skipGlobals(args, globals);
        if (i == args.length || subcommands.contains(args[i])) {
            return args;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(i, args.length));
        String subcommand = "edit";
        String setExpression = null;
        for (int j = 0; j < rest.size(); j++) {
            switch (rest.get(j)) {
                case "-d", "--decrypt" -> subcommand = remove(rest, j--, "decrypt");
                case "-e", "--encrypt" -> subcommand = remove(rest, j--, "encrypt");
                case "-r", "--rotate" -> subcommand = remove(rest, j--, "rotate");
                case "--set" -> {
                    if (j + 1 < rest.size()) {
                        setExpression = rest.get(j + 1);
                        rest.remove(j + 1);
                    }
                    subcommand = remove(rest, j--, "set");
                }
                default -> {
                }
            }
        }
        List<String> rewritten = new ArrayList<>(globals);
        rewritten.add(subcommand);
        if (subcommand.equals("set")) {
            rest.removeIf(arg -> arg.equals("-i") || arg.equals("--in-place"));
        }
        rewritten.addAll(rest);
        if (setExpression != null) {
            int split = setExpression.indexOf("\"] ");
            if (split < 0) {
                rewritten.add(setExpression);
            } else {
                rewritten.add(setExpression.substring(0, split + 2));
                rewritten.add(setExpression.substring(split + 3));
            }
        }
        return rewritten.toArray(String[]::new);
    }

    /** Adds the global options that lead {@code args} to {@code globals}; returns the index of the first other argument. */
    private static int skipGlobals(String[] args, List<String> globals) {
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (GLOBAL_FLAGS.contains(arg) || arg.contains("=") && GLOBAL_WITH_VALUE.contains(arg.substring(0, arg.indexOf('=')))) {
                globals.add(arg);
                i++;
            } else if (GLOBAL_WITH_VALUE.contains(arg) && i + 1 < args.length) {
                globals.add(arg);
                globals.add(args[i + 1]);
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static String remove(List<String> rest, int index, String subcommand) {
        rest.remove(index);
        return subcommand;
    }
}
