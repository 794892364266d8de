package io.sops4j.keys.age;

import java.util.ArrayList;
import java.util.List;

/** Parses age identity text: one identity per line, empty lines and {@code #} lines ignored. */
final class IdentityText {

    private IdentityText() {
    }

    static List<Identity> parse(String text, String source) {
        return parse(text, source, null);
    }

    /** The identities; plugin identities run their plugin on {@code host} (null: they are refused). */
    static List<Identity> parse(String text, String source, PluginHost host) {
        List<Identity> identities = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            identities.add(parseIdentity(line, source, host));
        }
        return identities;
    }

    static Identity parseIdentity(String line, String source) {
        return parseIdentity(line, source, null);
    }

    static Identity parseIdentity(String line, String source, PluginHost host) {
        if (PluginName.isPluginIdentity(line)) {
            if (host == null) {
                throw new IllegalArgumentException("age plugin identities are not usable in " + source);
            }
            return PluginIdentity.parse(line, source, host);
        }
        if (line.startsWith("AGE-SECRET-KEY-PQ-1")) {
            return HybridIdentity.parse(line, source);
        }
        if (line.startsWith("AGE-SECRET-KEY-1")) {
            return X25519Identity.parse(line, source);
        }
        throw new IllegalArgumentException("unknown age identity type in " + source);
    }
}
