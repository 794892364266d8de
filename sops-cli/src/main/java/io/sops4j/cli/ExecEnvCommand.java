package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code exec-env}: runs a command with the decrypted top-level values as environment variables.
 * The JVM cannot replace itself with another program, so {@code --same-process} runs the command
 * as a child with the same standard streams and exits with its exit code.
 */
@Command(name = "exec-env", mixinStandardHelpOptions = true,
        description = "execute a command with decrypted values inserted into the environment")
final class ExecEnvCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    TypeOptions types;

    @Mixin
    DecryptFlags decryptFlags;

    @Mixin
    ExecOptions exec;

    @Option(names = "--pristine", description = "insert only the decrypted values into the environment without forwarding existing environment variables")
    boolean pristine;

    @Option(names = "--same-process", description = "run the command in place of sops; sops4j runs it as a child and exits with its exit code")
    boolean sameProcess;

    @Override
    public Integer call() throws Exception {
        exec.requireFileAndCommand("exec-env");
        if (sameProcess && exec.background) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS, "Error: The --same-process flag cannot be used with --background");
        }
        Optional<TargetUser> user = exec.targetUser();
        Map<String, String> variables;
        DecryptedFile decrypted = CliSupport.decrypt(decryptFlags.sops(global), exec.file, types.input(exec.file));
        try (decrypted) {
            variables = decrypted.toEnvironment();
        }
        Map<String, String> environment = new LinkedHashMap<>();
        if (!pristine) {
            environment.putAll(System.getenv());
        }
        user.ifPresent(u -> u.describeIn(environment));
        environment.putAll(variables);
        return ChildProcess.run(exec.command, environment, exec.background, user);
    }
}
