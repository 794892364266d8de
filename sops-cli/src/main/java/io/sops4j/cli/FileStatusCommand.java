package io.sops4j.cli;

import io.sops4j.error.FormatException;
import io.sops4j.format.Format;
import io.sops4j.metadata.Metadata;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "filestatus", mixinStandardHelpOptions = true, description = "check the status of the file, returning encryption status")
final class FileStatusCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Option(names = "--input-type", description = "currently json, yaml, dotenv, ini and binary are supported. If not set, sops will use the file's extension to determine the type")
    Format inputType;

    @Parameters(index = "0", arity = "0..1", paramLabel = "file")
    Path file;

    @Override
    public Integer call() {
        byte[] content = CliSupport.read(file);
        TypeOptions types = new TypeOptions();
        types.inputType = inputType;
        boolean encrypted;
        try {
            Metadata metadata = CliSupport.sops(global).build()
                    .metadata(content, types.input(file));
            encrypted = !metadata.version().isEmpty() && !metadata.mac().isEmpty();
        } catch (FormatException e) {
            if (!"sops metadata not found".equals(e.getMessage())) {
                throw e.inFile(file);
            }
            encrypted = false;
        }
        global.streams.out().println("{\"encrypted\":" + encrypted + "}");
        global.streams.out().flush();
        return 0;
    }
}
