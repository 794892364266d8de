package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.Sops;
import io.sops4j.TreePath;
import io.sops4j.error.ExitCode;
import io.sops4j.error.KeyNotFoundException;
import io.sops4j.error.SopsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "unset", mixinStandardHelpOptions = true, description = "unset a specific key or branch in the input document.")
final class UnsetCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    TypeOptions types;

    @Mixin
    DecryptFlags decryptFlags;

    @Option(names = "--idempotent", description = "do nothing if the given index does not exist")
    boolean idempotent;

    @Parameters(paramLabel = "file index", arity = "0..*")
    List<String> arguments = List.of();

    @Override
    public Integer call() {
        if (arguments.size() != 2) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: expected 2 arguments (file index), got " + arguments.size());
        }
        Path file = Path.of(arguments.get(0));
        TreePath path = SetValues.path(arguments.get(1));
        Sops sops = decryptFlags.sops(global);
        DecryptedFile decrypted = CliSupport.decrypt(sops, file, types.input(file));
        try (decrypted) {
            try {
                decrypted.unsetValue(path);
            } catch (KeyNotFoundException e) {
                if (idempotent) {
                    return 0;
                }
                throw e.inFile(file);
            }
            Output.replace(file, sops.reencrypt(decrypted, types.output(file)), global.streams);
        }
        return 0;
    }
}
