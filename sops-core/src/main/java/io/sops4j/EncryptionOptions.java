package io.sops4j;

import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a new encrypted file is made with: its key groups (keys not yet holding a wrapped data
 * key), the Shamir threshold, the encryption rules and whether the MAC covers only encrypted values.
 *
 * @param shamirThreshold 0 for the number of groups; any other value is stored as given, as
 *                        upstream does (one group ignores it; with several, a value below 2 fails
 *                        when the data key is split)
 */
public record EncryptionOptions(List<KeyGroup> keyGroups, int shamirThreshold, EncryptionRules rules, boolean macOnlyEncrypted) {

    /**
     * Copies the key groups; the threshold must not be negative.
     *
     * @param keyGroups the key groups that each wrap the data key (or a share of it)
     * @param rules which values are encrypted
     * @param macOnlyEncrypted whether the MAC covers encrypted values only
     * @param shamirThreshold how many groups are needed to decrypt; 0 for all
     */
    public EncryptionOptions {
        keyGroups = List.copyOf(keyGroups);
        Objects.requireNonNull(rules, "rules");
    }

    /**
     * One key group of these keys, the default rules.
     *
     * @param keys the keys of the one group
     * @return one key group of these keys, the default rules
     */
    public static EncryptionOptions withKeys(MasterKey... keys) {
        return withKeys(List.of(keys));
    }

    /**
     * One key group of {@code keys}, the default rules.
     *
     * @param keys the keys of the one group
     * @return one key group of {@code keys}, the default rules
     */
    public static EncryptionOptions withKeys(List<MasterKey> keys) {
        return new EncryptionOptions(List.of(new KeyGroup(keys)), 0, EncryptionRules.none(), false);
    }

    /**
     * These options with other encryption rules.
     *
     * @param rules which values are encrypted
     * @return these options with other encryption rules
     */
    public EncryptionOptions withRules(EncryptionRules rules) {
        return new EncryptionOptions(keyGroups, shamirThreshold, rules, macOnlyEncrypted);
    }

    /**
     * These options with a Shamir threshold (0: all groups are needed).
     *
     * @param threshold how many groups are needed to decrypt; 0 for all
     * @return these options with a Shamir threshold (0: all groups are needed)
     */
    public EncryptionOptions withShamirThreshold(int threshold) {
        return new EncryptionOptions(keyGroups, threshold, rules, macOnlyEncrypted);
    }

    /**
     * These options with the MAC computed over encrypted values only.
     *
     * @param macOnlyEncrypted whether the MAC covers encrypted values only
     * @return these options with the MAC computed over encrypted values only
     */
    public EncryptionOptions withMacOnlyEncrypted(boolean macOnlyEncrypted) {
        return new EncryptionOptions(keyGroups, shamirThreshold, rules, macOnlyEncrypted);
    }

    /**
     * These options with one more key group.
     *
     * @param group the group to add
     * @return these options with one more key group
     */
    public EncryptionOptions withKeyGroup(KeyGroup group) {
        List<KeyGroup> groups = new ArrayList<>(keyGroups);
        groups.add(group);
        return new EncryptionOptions(groups, shamirThreshold, rules, macOnlyEncrypted);
    }
}
