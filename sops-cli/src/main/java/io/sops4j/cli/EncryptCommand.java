package io.sops4j.cli;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "encrypt", mixinStandardHelpOptions = true, description = "encrypt a file, and output the results to stdout")
final class EncryptCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    FileOptions options;

    @Mixin
    KeyServiceOptions keyServices;

    @Mixin
    KeyOptions keys;

    @Mixin
    RuleOptions rules;

    @Override
    public Integer call() throws IOException {
        options.validate();
        if (options.file == null && options.filenameOverride == null) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS,
                    "Error: --filename-override must be provided when reading from stdin");
        }
        if (options.file != null && !Files.exists(options.file)) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: cannot operate on non-existent file", options.file, null, null);
        }
        Sops sops = keyServices.apply(CliSupport.sops(global)).build();
        EncryptionOptions encryption = rules.resolve(global, keys, sops, options.effectiveName());
        byte[] plaintext = options.file == null ? global.streams.in().readAllBytes() : CliSupport.read(options.file);
        byte[] encrypted;
        try {
            encrypted = sops.encrypt(plaintext, options.inputFormat(), options.outputFormat(), encryption);
        } catch (SopsException e) {
            throw e.inFile(options.file);
        }
        Output.write(encrypted, options, global.streams);
        return 0;
    }
}
