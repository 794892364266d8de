package io.sops4j.internal.metadata;

import io.sops4j.error.FormatException;
import io.sops4j.internal.go.GoFormat;
import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts {@link Metadata} to and from the {@code sops} branch exactly as upstream lays it out:
 * every mapping's keys in Go string order, empty fields left out except {@code lastmodified},
 * {@code mac} and {@code version}, and in key groups {@code hc_vault} and {@code age} always present.
 */
public final class MetadataCodec {

    /** Key lists upstream knows, in the order keys of one group are tried when loaded from a file. */
    static final List<String> STORED_KEY_TYPES = List.of("kms", "gcp_kms", "hckms", "azure_kv", "hc_vault", "pgp", "age");

    private static final Set<String> ALWAYS_IN_GROUP = Set.of("hc_vault", "age");

    private final KeySources sources;

    public MetadataCodec(KeySources sources) {
        this.sources = sources;
    }

    public static MetadataCodec installed() {
        return new MetadataCodec(KeySources.installed());
    }

    public TreeBranch toBranch(Metadata metadata) {
        Map<String, Object> fields = new TreeMap<>(goOrder());
        List<KeyGroup> groups = metadata.keyGroups();
        if (groups.size() == 1) {
            fields.putAll(keyLists(groups.get(0), false));
        } else if (groups.size() > 1) {
            List<Object> stored = new ArrayList<>();
            for (KeyGroup group : groups) {
                stored.add(sorted(keyLists(group, true)));
            }
            fields.put("key_groups", stored);
        }
        if (metadata.shamirThreshold() != 0) {
            fields.put("shamir_threshold", (long) metadata.shamirThreshold());
        }
        EncryptionRules rules = metadata.rules();
        putIfSet(fields, "unencrypted_suffix", rules.unencryptedSuffix());
        putIfSet(fields, "encrypted_suffix", rules.encryptedSuffix());
        putIfSet(fields, "unencrypted_regex", rules.unencryptedRegex());
        putIfSet(fields, "encrypted_regex", rules.encryptedRegex());
        putIfSet(fields, "unencrypted_comment_regex", rules.unencryptedCommentRegex());
        putIfSet(fields, "encrypted_comment_regex", rules.encryptedCommentRegex());
        if (metadata.macOnlyEncrypted()) {
            fields.put("mac_only_encrypted", Boolean.TRUE);
        }
        fields.put("lastmodified", metadata.lastModified());
        fields.put("mac", metadata.mac());
        fields.put("version", metadata.version());
        return sorted(fields);
    }

    private Map<String, Object> keyLists(KeyGroup group, boolean inGroup) {
        Map<String, Object> lists = new TreeMap<>(goOrder());
        if (inGroup) {
            for (String type : ALWAYS_IN_GROUP) {
                lists.put(type, new ArrayList<>());
            }
        }
        for (MasterKey key : group.keys()) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) lists.computeIfAbsent(key.type(), t -> new ArrayList<>());
            list.add(key.toMetadata());
        }
        return lists;
    }

    private static TreeBranch sorted(Map<String, Object> fields) {
        TreeBranch branch = new TreeBranch();
        fields.forEach(branch::add);
        return branch;
    }

    private static void putIfSet(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }

    /** Go compares strings byte-wise on UTF-8; for the ASCII keys of metadata that is code-unit order. */
    static Comparator<String> goOrder() {
        return Comparator.naturalOrder();
    }

    public Metadata fromBranch(TreeBranch branch) {
        String lastModified = text(branch, "lastmodified");
        if (lastModified.isEmpty()) {
            throw new FormatException("sops metadata has no lastmodified date");
        }
        if (!GoFormat.isTime(lastModified)) {
            throw new FormatException("sops metadata: lastmodified is not an RFC 3339 date: " + lastModified);
        }
        EncryptionRules rules = new EncryptionRules(
                text(branch, "unencrypted_suffix"), text(branch, "encrypted_suffix"),
                text(branch, "unencrypted_regex"), text(branch, "encrypted_regex"),
                text(branch, "unencrypted_comment_regex"), text(branch, "encrypted_comment_regex"));
        if (rules.count() > 1) {
            throw new FormatException("Cannot use more than one of encrypted_suffix, unencrypted_suffix, "
                    + "encrypted_regex, unencrypted_regex, encrypted_comment_regex, or unencrypted_comment_regex "
                    + "in the same file");
        }
        List<KeyGroup> groups = new ArrayList<>();
        KeyGroup topLevel = group(branch);
        if (!topLevel.keys().isEmpty()) {
            groups.add(topLevel);
        } else if (branch.get("key_groups").orElse(null) instanceof List<?> stored) {
            for (Object entry : stored) {
                if (entry instanceof TreeBranch groupBranch) {
                    groups.add(group(groupBranch));
                } else {
                    throw new FormatException("sops metadata: key_groups entries must be mappings");
                }
            }
        }
        if (groups.isEmpty()) {
            throw new FormatException("No keys found in file");
        }
        return new Metadata(groups, (int) integer(branch, "shamir_threshold"), rules,
                bool(branch, "mac_only_encrypted"), lastModified, text(branch, "mac"), text(branch, "version"));
    }

    private KeyGroup group(TreeBranch branch) {
        List<String> types = new ArrayList<>(STORED_KEY_TYPES);
        for (String type : sources.byType().keySet()) {
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        List<MasterKey> keys = new ArrayList<>();
        for (String type : types) {
            Object value = branch.get(type).orElse(null);
            if (value == null) {
                continue;
            }
            if (!(value instanceof List<?> entries)) {
                throw new FormatException("sops metadata: " + type + " must be a list");
            }
            for (Object entry : entries) {
                if (!(entry instanceof TreeBranch keyEntry)) {
                    throw new FormatException("sops metadata: " + type + " entries must be mappings");
                }
                KeySource source = sources.find(type).orElse(null);
                keys.add(source == null ? new UnknownMasterKey(type, keyEntry) : source.fromMetadata(keyEntry));
            }
        }
        return new KeyGroup(keys);
    }

    /** A string field with mapstructure's weak typing: numbers and booleans become their text. */
    static String text(TreeBranch branch, String name) {
        return KeyEntries.text(branch, name);
    }

    private static long integer(TreeBranch branch, String name) {
        Object value = branch.get(name).orElse(null);
        if (value == null) {
            return 0;
        }
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        if (value instanceof String s) {
            if (s.isEmpty()) {
                return 0;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new FormatException("sops metadata: " + name + " must be an integer");
            }
        }
        throw new FormatException("sops metadata: " + name + " must be an integer");
    }

    private static boolean bool(TreeBranch branch, String name) {
        Object value = branch.get(name).orElse(null);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return switch (s) {
                case "", "0", "f", "F", "false", "FALSE", "False" -> false;
                case "1", "t", "T", "true", "TRUE", "True" -> true;
                default -> throw new FormatException("sops metadata: " + name + " must be a boolean");
            };
        }
        throw new FormatException("sops metadata: " + name + " must be a boolean");
    }
}
