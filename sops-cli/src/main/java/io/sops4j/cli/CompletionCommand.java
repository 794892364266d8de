package io.sops4j.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sops completion bash|zsh|fish}: a completion script for the shell. Bash and zsh share
 * picocli's script (zsh runs it through {@code bashcompinit}); fish gets one line per subcommand and option.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "print a shell completion script: source <(sops completion bash), same for zsh; sops completion fish | source")
final class CompletionCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "shell", description = "bash, zsh or fish")
    String shell;

    @Override
    public Integer call() {
        CommandLine root = spec.parent().commandLine();
        String script = switch (shell) {
            case "bash", "zsh" -> AutoComplete.bash("sops", root);
            case "fish" -> fish(root.getCommandSpec());
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unsupported shell '" + shell + "': use bash, zsh or fish");
        };
        global.streams.out().print(script);
        global.streams.out().flush();
        return 0;
    }

    static String fish(CommandSpec root) {
        StringBuilder script = new StringBuilder("complete -c sops -f\n");
        options(script, root, "__fish_use_subcommand");
        root.subcommands().forEach((name, sub) -> {
            script.append("complete -c sops -n __fish_use_subcommand -a ").append(name)
                    .append(" -d ").append(quoted(first(sub.getCommandSpec().usageMessage().description()))).append('\n');
            options(script, sub.getCommandSpec(), "'__fish_seen_subcommand_from " + name + "'");
        });
        return script.toString();
    }

    private static void options(StringBuilder script, CommandSpec command, String condition) {
        for (OptionSpec option : command.options()) {
            script.append("complete -c sops -n ").append(condition);
            for (String name : option.names()) {
                script.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
            }
            if (option.arity().max() > 0) {
                script.append(" -r -F");
            }
            script.append(" -d ").append(quoted(first(option.description()))).append('\n');
        }
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
