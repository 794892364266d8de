package io.sops4j.cli;

import io.sops4j.EncryptionOptions;
import io.sops4j.ExitCode;
import io.sops4j.Sops;
import io.sops4j.SopsException;
import io.sops4j.config.CreationRule;
import io.sops4j.config.SopsConfig;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        EncryptionOptions encryption;
        if (!masterKeys.isEmpty()) {
            encryption = new EncryptionOptions(List.of(new KeyGroup(masterKeys)), shamirThreshold, rules(EncryptionRules.none()),
                    global.macOnlyEncrypted);
        } else {
            CreationRule rule = CliSupport.config(global, sops.environment())
                    .filter(SopsConfig::hasCreationRules)
                    .orElseThrow(() -> new SopsException(ExitCode.GENERIC, "config file not found, or has no creation rules, "
                            + "and no keys provided through command line options"))
                    .ruleFor(Path.of(options.effectiveName()), KeySources.installed());
            encryption = new EncryptionOptions(rule.keyGroups(), shamirThreshold != 0 ? shamirThreshold : rule.shamirThreshold(),
                    rules(rule.rules()), global.macOnlyEncrypted || rule.macOnlyEncrypted());
        }
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

    /** The configured rules with every rule flag given on the command line taking the place of its field. */
    private EncryptionRules rules(EncryptionRules configured) {
        EncryptionRules rules = configured;
        if (unencryptedSuffix != null) {
            rules = rules.withUnencryptedSuffix(unencryptedSuffix);
        }
        if (encryptedSuffix != null) {
            rules = rules.withEncryptedSuffix(encryptedSuffix);
        }
        if (unencryptedRegex != null) {
            rules = rules.withUnencryptedRegex(unencryptedRegex);
        }
        if (encryptedRegex != null) {
            rules = rules.withEncryptedRegex(encryptedRegex);
        }
        if (global.unencryptedCommentRegex != null) {
            rules = rules.withUnencryptedCommentRegex(global.unencryptedCommentRegex);
        }
        if (global.encryptedCommentRegex != null) {
            rules = rules.withEncryptedCommentRegex(global.encryptedCommentRegex);
        }
        if (rules.count() > 1) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS, "Error: cannot use more than one of "
                    + "encrypted_suffix, unencrypted_suffix, encrypted_regex, unencrypted_regex, "
                    + "encrypted_comment_regex or unencrypted_comment_regex");
        }
        return rules;
    }
}
