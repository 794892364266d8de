package io.sops4j.config;

import io.sops4j.EncryptionOptions;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.util.List;

/**
 * The creation rule of {@code .sops.yaml} that matched a file: its key groups and encryption settings.
 *
 * @param pathRegex the rule's {@code path_regex}, empty when it matches every file
 */
public record CreationRule(String pathRegex, List<KeyGroup> keyGroups, int shamirThreshold, EncryptionRules rules,
        boolean macOnlyEncrypted) {

    /**
     * Copies the key groups.
     *
     * @param keyGroups the key groups of files created under this rule
     * @param macOnlyEncrypted whether the MAC covers encrypted values only
     * @param pathRegex the {@code path_regex}, empty for a rule that matches every file
     * @param shamirThreshold how many groups are needed to decrypt; 0 for all
     * @param rules which values are encrypted
     */
    public CreationRule {
        keyGroups = List.copyOf(keyGroups);
    }

    /**
     * The options a file created under this rule is encrypted with.
     *
     * @return the options a file created under this rule is encrypted with
     */
    public EncryptionOptions toEncryptionOptions() {
        return new EncryptionOptions(keyGroups, shamirThreshold, rules, macOnlyEncrypted);
    }
}
