package io.sops4j.cli;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.config.CreationRule;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags that decide how a new file is encrypted, besides its keys: encryption rules and threshold. */
final class RuleOptions {

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

    /**
     * Upstream's precedence: keys from flags or environment replace the configuration's; otherwise
     * the matching creation rule of {@code .sops.yaml} gives keys, rules and threshold.
     */
    EncryptionOptions resolve(SopsCommand global, KeyOptions keys, Sops sops, String effectiveName) {
        List<MasterKey> masterKeys = keys.keys(sops.environment(), CliKeySources.get());
        if (!masterKeys.isEmpty()) {
            return new EncryptionOptions(List.of(new KeyGroup(masterKeys)), shamirThreshold, rules(global, EncryptionRules.none()),
                    global.macOnlyEncrypted);
        }
        CreationRule rule = CliSupport.config(global)
                .filter(SopsConfig::hasCreationRules)
                .orElseThrow(() -> new SopsException(ExitCode.GENERIC, "config file not found, or has no creation rules, "
                        + "and no keys provided through command line options"))
                .ruleFor(Path.of(effectiveName), CliKeySources.get());
        return new EncryptionOptions(rule.keyGroups(), shamirThreshold != 0 ? shamirThreshold : rule.shamirThreshold(),
                rules(global, rule.rules()), global.macOnlyEncrypted || rule.macOnlyEncrypted());
    }

    /** The configured rules with every rule flag given on the command line taking the place of its field. */
    private EncryptionRules rules(SopsCommand global, EncryptionRules configured) {
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
