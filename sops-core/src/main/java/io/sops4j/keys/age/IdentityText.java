package io.sops4j.keys.age;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses age identity text: one identity per line, empty lines and {@code #} lines ignored. */
final class IdentityText {

    private IdentityText() {
    }

    static List<Identity> parse(String text, String source) {
        List<Identity> identities = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            identities.add(parseIdentity(line, source));
        }
        return identities;
    }

    static Identity parseIdentity(String line, String source) {
        if (line.startsWith("AGE-PLUGIN-")) {
            String plugin = line.substring("AGE-PLUGIN-".length());
            int dash = plugin.indexOf('-');
            String name = dash > 0 ? plugin.substring(0, dash).toLowerCase(Locale.ROOT) : "?";
            return new UnsupportedIdentity("age plugin identity (age-plugin-" + name + ") from " + source
                    + ": age plugins are not supported");
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
