package io.sops4j.keys.age;

import java.util.Locale;

/**
 * The name of an age plugin as its recipients ({@code age1NAME1...}, Bech32 human-readable part
 * {@code age1NAME}) and identities ({@code AGE-PLUGIN-NAME-1...}) carry it; the plugin program is
 * {@code age-plugin-NAME}, the name in lower case.
 */
final class PluginName {

    private static final String RECIPIENT_PREFIX = "age1";
    private static final String IDENTITY_PREFIX = "AGE-PLUGIN-";

    private PluginName() {
    }

    static boolean isPluginRecipient(String recipient) {
        return recipient.startsWith(RECIPIENT_PREFIX) && recipient.indexOf('1', RECIPIENT_PREFIX.length()) > 0;
    }

    static boolean isPluginIdentity(String line) {
        return line.startsWith(IDENTITY_PREFIX);
    }

    /** The plugin name of a recipient; the Bech32 checksum is verified. */
    static String ofRecipient(String recipient) {
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(recipient);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age plugin recipient: " + e.getMessage());
        }
        if (!decoded.hrp().startsWith(RECIPIENT_PREFIX)) {
            throw new IllegalArgumentException("not an age plugin recipient");
        }
        return checked(decoded.hrp().substring(RECIPIENT_PREFIX.length()));
    }

    /** The plugin name of an identity; the Bech32 checksum is verified, and no part of the identity is in an error. */
    static String ofIdentity(String identity, String source) {
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(identity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age plugin identity in " + source + ": " + e.getMessage());
        }
        String hrp = decoded.hrp();
        if (!hrp.startsWith(IDENTITY_PREFIX) || !hrp.endsWith("-") || hrp.length() <= IDENTITY_PREFIX.length() + 1) {
            throw new IllegalArgumentException("malformed age plugin identity in " + source + ": not a plugin identity");
        }
        try {
            return checked(hrp.substring(IDENTITY_PREFIX.length(), hrp.length() - 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed age plugin identity in " + source + ": " + e.getMessage());
        }
    }

    /** Names become part of a program name: letters, digits and {@code . _ + -} only. */
    private static String checked(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || !lower.matches("[a-z0-9._+-]+") || lower.startsWith(".")) {
            throw new IllegalArgumentException("invalid plugin name");
        }
        return lower;
    }
}
