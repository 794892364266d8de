package io.sops4j.config;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one creation rule of {@code .sops.yaml} into key groups and encryption settings, as upstream. */
final class RuleReader {

    private final KeySources sources;

    private RuleReader(KeySources sources) {
        this.sources = sources;
    }

    static CreationRule read(Map<String, Object> rule, String pathRegex, KeySources sources) {
        RuleReader reader = new RuleReader(sources);
        EncryptionRules rules = new EncryptionRules(
                ConfigValues.string(rule.get("unencrypted_suffix"), "unencrypted_suffix"),
                ConfigValues.string(rule.get("encrypted_suffix"), "encrypted_suffix"),
                ConfigValues.string(rule.get("unencrypted_regex"), "unencrypted_regex"),
                ConfigValues.string(rule.get("encrypted_regex"), "encrypted_regex"),
                ConfigValues.string(rule.get("unencrypted_comment_regex"), "unencrypted_comment_regex"),
                ConfigValues.string(rule.get("encrypted_comment_regex"), "encrypted_comment_regex"));
        if (rules.count() > 1) {
            throw new SopsException(ExitCode.GENERIC, "error loading config: cannot use more than one of "
                    + "encrypted_suffix, unencrypted_suffix, encrypted_regex, unencrypted_regex, "
                    + "encrypted_comment_regex, or unencrypted_comment_regex for the same rule");
        }
        try {
            rules.requireValidRegexes();
        } catch (SopsException e) {
            throw new SopsException(ExitCode.GENERIC, "error loading config: " + e.getMessage(), e);
        }
        List<Map<String, Object>> groups = ConfigValues.listOfMaps(rule.get("key_groups"), "key_groups");
        List<KeyGroup> keyGroups = new ArrayList<>();
        if (!groups.isEmpty()) {
            for (Map<String, Object> group : groups) {
                keyGroups.add(new KeyGroup(deduplicate(reader.group(group))));
            }
        } else if (rule.containsKey("key_groups")) {
            keyGroups.add(new KeyGroup(List.of()));
        } else {
            keyGroups.add(new KeyGroup(reader.flatKeys(rule)));
        }
        return new CreationRule(pathRegex, keyGroups, ConfigValues.integer(rule.get("shamir_threshold"), "shamir_threshold"),
                rules, ConfigValues.bool(rule.get("mac_only_encrypted"), "mac_only_encrypted"));
    }

    /** The key fields of a rule without {@code key_groups}: one group, in upstream's order. */
    private List<MasterKey> flatKeys(Map<String, Object> rule) {
        List<MasterKey> keys = new ArrayList<>();
        identifiers(keys, "age", ConfigValues.stringList(rule.get("age"), "age", true));
        identifiers(keys, "pgp", ConfigValues.stringList(rule.get("pgp"), "pgp", false));
        String profile = ConfigValues.string(rule.get("aws_profile"), "aws_profile");
        for (String arn : ConfigValues.stringList(rule.get("kms"), "kms", false)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("arn", arn);
            entry.put("aws_profile", profile);
            keys.add(source("kms").fromConfig(entry));
        }
        identifiers(keys, "gcp_kms", ConfigValues.stringList(rule.get("gcp_kms"), "gcp_kms", false));
        identifiers(keys, "hckms", ConfigValues.stringList(rule.get("hckms"), "hckms", false));
        identifiers(keys, "azure_kv", ConfigValues.stringList(rule.get("azure_keyvault"), "azure_keyvault", false));
        identifiers(keys, "hc_vault", ConfigValues.stringList(rule.get("hc_vault_transit_uri"), "hc_vault_transit_uri", false));
        return keys;
    }

    /** One entry of {@code key_groups}: merged groups first, then each key type. */
    private List<MasterKey> group(Map<String, Object> group) {
        List<MasterKey> keys = new ArrayList<>();
        for (Map<String, Object> merged : ConfigValues.listOfMaps(group.get("merge"), "merge")) {
            keys.addAll(group(merged));
        }
        identifiers(keys, "age", ConfigValues.stringList(group.get("age"), "age", true));
        identifiers(keys, "pgp", ConfigValues.stringList(group.get("pgp"), "pgp", false));
        objects(keys, "kms", group.get("kms"));
        objects(keys, "gcp_kms", group.get("gcp_kms"));
        objects(keys, "hckms", group.get("hckms"));
        objects(keys, "azure_kv", group.get("azure_keyvault"));
        identifiers(keys, "hc_vault", ConfigValues.stringList(group.get("hc_vault"), "hc_vault", false));
        return keys;
    }

    private void identifiers(List<MasterKey> keys, String type, List<String> identifiers) {
        if (identifiers.isEmpty()) {
            return;
        }
        KeySource source = source(type);
        for (String identifier : identifiers) {
            keys.add(source.fromIdentifier(identifier));
        }
    }

    private void objects(List<MasterKey> keys, String type, Object entries) {
        if (entries == null) {
            return;
        }
        KeySource source = source(type);
        for (Map<String, Object> entry : ConfigValues.listOfMaps(entries, type)) {
            keys.add(source.fromConfig(entry));
        }
    }

    private KeySource source(String type) {
        return sources.find(type).orElseThrow(() -> new SopsException(ExitCode.GENERIC,
                "no key source for '" + type + "' keys is installed"
                        + (type.equals("age") || type.equals("pgp") ? "" : "; add the io.sops4j:sops-kms artifact")));
    }

    private static List<MasterKey> deduplicate(List<MasterKey> keys) {
        Set<String> seen = new HashSet<>();
        List<MasterKey> unique = new ArrayList<>();
        for (MasterKey key : keys) {
            if (seen.add(key.type() + "\u0000" + key.id())) {
                unique.add(key);
            }
        }
        return unique;
    }
}
