package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The file, the command and the flags that {@code exec-env} and {@code exec-file} share. */
final class ExecOptions {

    @Option(names = "--background", description = "background the process and don't wait for it to complete (DEPRECATED)")
    boolean background;

    @Option(names = "--user", description = "the user to run the command as")
    String user;

    @Parameters(index = "0", arity = "0..1", paramLabel = "file")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "command")
    String command;

    void requireFileAndCommand(String commandName) {
        if (file == null || command == null) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: " + commandName + " needs a file and a command");
        }
    }

    /** The account of {@code --user}, looked up before anything is decrypted; empty when not given. */
    Optional<TargetUser> targetUser() {
        return user == null || user.isEmpty() ? Optional.empty() : Optional.of(TargetUser.lookup(user));
    }
}
