package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.Sops;
import io.sops4j.TreePath;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = "set a specific key or branch in the input document. value must be a JSON encoded string, "
                + "for example '\"somevalue\"' or '{\"somekey\":\"somevalue\"}'")
final class SetCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    TypeOptions types;

    @Mixin
    DecryptFlags decryptFlags;

    @Option(names = "--value-file", description = "read the value from the file given as value argument instead of the value itself")
    boolean valueFile;

    @Option(names = "--value-stdin", description = "read the value from standard input instead of an argument")
    boolean valueStdin;

    @Option(names = "--idempotent", description = "do nothing if the given index already has the given value")
    boolean idempotent;

    @Parameters(paramLabel = "file index [value]", arity = "0..*")
    List<String> arguments = List.of();

    @Override
    public Integer call() throws IOException {
        if (valueFile && valueStdin) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS, "Error: cannot use both --value-file and --value-stdin");
        }
        int expected = valueStdin ? 2 : 3;
        if (arguments.size() != expected) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: expected " + expected + " arguments (file index"
                    + (valueStdin ? "" : " value") + "), got " + arguments.size());
        }
        Path file = Path.of(arguments.get(0));
        TreePath path = SetValues.path(arguments.get(1));
        byte[] json;
        if (valueStdin) {
            json = global.streams.in().readAllBytes();
        } else if (valueFile) {
            json = CliSupport.read(Path.of(arguments.get(2)));
        } else {
            json = arguments.get(2).getBytes(StandardCharsets.UTF_8);
        }
        Object value = DecryptedFile.jsonValue(new String(json, StandardCharsets.UTF_8));
        Sops sops = decryptFlags.sops(global);
        DecryptedFile decrypted = CliSupport.decrypt(sops, file, types.input(file));
        try (decrypted) {
            boolean changed = decrypted.setValue(path, value);
            if (!changed && idempotent) {
                return 0;
            }
            Output.replace(file, sops.reencrypt(decrypted, types.output(file)), global.streams);
        }
        return 0;
    }
}
