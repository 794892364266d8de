package io.sops4j.cli;

import io.sops4j.EncryptionOptions;
import io.sops4j.ExitCode;
import io.sops4j.Sops;
import io.sops4j.SopsException;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "encrypt", mixinStandardHelpOptions = true, description = "encrypt a file, and output the results to stdout")
final class EncryptCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    FileOptions options;

    @Mixin
    KeyOptions keys;

    @Option(names = "--unencrypted-suffix", description = "override the unencrypted key suffix.")
    String unencryptedSuffix;

    @Option(names = "--encrypted-suffix", description = "override the encrypted key suffix. When empty, all keys will be encrypted, unless otherwise marked with unencrypted-suffix.")
    String encryptedSuffix;

    @Option(names = "--unencrypted-regex", description = "set the unencrypted key regex. When specified, only keys not matching the regex will be encrypted.")
    String unencryptedRegex;

    @Option(names = "--encrypted-regex", description = "set the encrypted key regex. When specified, only keys matching the regex will be encrypted.")
    String encryptedRegex;

    @Option(names = "--shamir-secret-sharing-threshold", description = "the number of master keys required to retrieve the data key with shamir", defaultValue = "0")
    int shamirThreshold;

    @Override
    public Integer call() throws IOException {
        options.validate();
        if (options.file == null && options.filenameOverride == null) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS,
                    "Error: --filename-override must be provided when reading from stdin");
        }
        if (options.file != null && !Files.exists(options.file)) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: cannot operate on non-existent file");
        }
        Sops sops = CliSupport.sops(global).build();
        List<MasterKey> masterKeys = keys.keys(sops.environment(), KeySources.installed());
        if (masterKeys.isEmpty()) {
            throw new SopsException(ExitCode.GENERIC, "config file not found, or has no creation rules, "
                    + "and no keys provided through command line options");
        }
        EncryptionOptions encryption = new EncryptionOptions(List.of(new KeyGroup(masterKeys)), shamirThreshold,
                rules(), global.macOnlyEncrypted);
        byte[] plaintext = options.file == null ? global.streams.in().readAllBytes() : Files.readAllBytes(options.file);
        byte[] encrypted;
        try {
            encrypted = sops.encrypt(plaintext, options.inputFormat(), options.outputFormat(), encryption);
        } catch (SopsException e) {
            throw e.inFile(options.file);
        }
        Output.write(encrypted, options, global.streams.out());
        return 0;
    }

    private EncryptionRules rules() {
        EncryptionRules rules = new EncryptionRules(unencryptedSuffix, encryptedSuffix, unencryptedRegex, encryptedRegex,
                global.unencryptedCommentRegex, global.encryptedCommentRegex);
        if (rules.count() > 1) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS, "Error: cannot use more than one of "
                    + "--encrypted-suffix, --unencrypted-suffix, --encrypted-regex, --unencrypted-regex, "
                    + "--encrypted-comment-regex and --unencrypted-comment-regex");
        }
        return rules;
    }
}
