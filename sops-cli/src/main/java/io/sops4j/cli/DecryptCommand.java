package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.Sops;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "decrypt", mixinStandardHelpOptions = true, description = "decrypt a file, and output the results to stdout")
final class DecryptCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    FileOptions options;

    @Mixin
    KeyServiceOptions keyServices;

    @Option(names = "--extract", description = "extract a specific key or branch from the input document. Example: --extract '[\"somekey\"][0]'")
    String extract;

    @Option(names = "--ignore-mac", description = "ignore Message Authentication Code during decryption")
    boolean ignoreMac;

    @Option(names = "--decryption-order", description = "comma separated list of decryption key types")
    String decryptionOrder;

    @Override
    public Integer call() throws IOException {
        options.validate();
        if (options.file != null && !Files.exists(options.file)) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: cannot operate on non-existent file");
        }
        Format input = options.inputFormat();
        Format output = options.outputFormat();
        Sops sops = keyServices.apply(CliSupport.sops(global))
                .ignoreMac(ignoreMac)
                .decryptionOrder(decryptionOrder)
                .build();
        DecryptedFile decrypted = options.file == null
                ? sops.decrypt(global.streams.in().readAllBytes(), input)
                : sops.decrypt(options.file, input);
        try (decrypted) {
            CliSupport.checkVersion(decrypted.metadata(), options.file);
            byte[] plaintext = extract != null
                    ? decrypted.extractBytes(extract, output)
                    : decrypted.toBytes(output);
            Output.write(plaintext, options, global.streams);
        } catch (SopsException e) {
            if (output == Format.BINARY && e.exitCode() == ExitCode.ERROR_DUMPING_TREE) {
                throw new SopsException(ExitCode.ERROR_DUMPING_TREE, e.getMessage()
                        + "\n\nIf this is a binary file, try using --output-type to choose another format", e.file(), null, e);
            }
            throw e;
        }
        return 0;
    }
}
