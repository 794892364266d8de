package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns comma separated key identifiers of one type into master keys of the installed key sources. */
final class KeyFactory {

    private final KeySources sources;
    private final Map<String, String> encryptionContext;
    private final String awsProfile;

    KeyFactory(KeySources sources, String encryptionContext, String awsProfile) {
        this.sources = sources;
        this.encryptionContext = parseContext(encryptionContext);
        this.awsProfile = awsProfile;
    }

    List<MasterKey> keys(String type, String list) {
        List<MasterKey> keys = new ArrayList<>();
        for (String identifier : identifiers(list)) {
            keys.add(key(type, identifier));
        }
        return keys;
    }

    static List<String> identifiers(String list) {
        List<String> identifiers = new ArrayList<>();
        if (list != null) {
            for (String identifier : list.split(",")) {
                String trimmed = identifier.trim();
                if (!trimmed.isEmpty()) {
                    identifiers.add(trimmed);
                }
            }
        }
        return identifiers;
    }

    private MasterKey key(String type, String identifier) {
        KeySource source = source(sources, type);
        if (type.equals("kms") && (!encryptionContext.isEmpty() || awsProfile != null && !awsProfile.isEmpty())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            int plus = identifier.indexOf('+');
            entry.put("arn", plus < 0 ? identifier : identifier.substring(0, plus));
            if (plus >= 0) {
                entry.put("role", identifier.substring(plus + 1));
            }
            entry.put("context", new LinkedHashMap<>(encryptionContext));
            entry.put("aws_profile", awsProfile == null ? "" : awsProfile);
            return source.fromConfig(entry);
        }
        return source.fromIdentifier(identifier);
    }

    /** The key source of {@code type}, or an error saying which artifact provides it. */
    static KeySource source(KeySources sources, String type) {
        return sources.find(type).orElseThrow(() -> new SopsException(ExitCode.GENERIC,
                "no key source for '" + type + "' keys is installed"
                        + (CliKeySources.CLOUD_TYPES.contains(type) ? "; add io.sops4j:sops-kms (and the cloud SDK it names) to the class path" : "")));
    }

    /** Upstream's {@code kms.ParseKMSContext}: {@code key:value,key2:value2}. */
    static Map<String, String> parseContext(String text) {
        Map<String, String> context = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return context;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":", -1);
            if (parts.length != 2) {
                throw new SopsException(ExitCode.INVALID_KMS_ENCRYPTION_CONTEXT_FORMAT,
                        "Invalid KMS encryption context format: expected key:value pairs separated by commas");
            }
            context.put(parts[0], parts[1]);
        }
        return context;
    }
}
