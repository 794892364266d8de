package io.sops4j.keys.age;

import io.sops4j.error.FormatException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import java.util.ArrayList;
import java.util.List;

/**
 * Age keys: {@link #recipient} and {@link #recipients} make the master keys a file is encrypted
 * for; {@link #generateX25519}, {@link #generateHybrid} and {@link #recipientOf} handle X25519 and
 * hybrid post-quantum identities.
 *
 * <pre>{@code
 * EncryptionOptions options = EncryptionOptions.withKeys(AgeKeys.recipient("age1..."));
 * }</pre>
 */
public final class AgeKeys {

    /**
     * A new key pair: {@code identity} is the secret ({@code AGE-SECRET-KEY-1...} or
     * {@code AGE-SECRET-KEY-PQ-1...}), {@code recipient} the public key ({@code age1...} or
     * {@code age1pq1...}); {@code toString} shows only the recipient.
     */
    public record KeyPair(String identity, String recipient) {

        @Override
        public String toString() {
            return "KeyPair[recipient=" + recipient + "]";
        }
    }

    private AgeKeys() {
    }

    /**
     * A new random X25519 identity and its recipient.
     *
     * @return a new random X25519 identity and its recipient
     */
    public static KeyPair generateX25519() {
        X25519Identity identity = X25519Identity.generate();
        return new KeyPair(identity.encoded(), identity.recipient().encoded());
    }

    /**
     * A new random hybrid post-quantum identity ({@code AGE-SECRET-KEY-PQ-1...}) and its
     * {@code age1pq1...} recipient: ML-KEM-768 + X25519 as age v1.3 defines it.
     *
     * @return the identity and its recipient
     */
    public static KeyPair generateHybrid() {
        HybridIdentity identity = HybridIdentity.generate();
        return new KeyPair(identity.encoded(), identity.recipient().encoded());
    }

    /**
     * The recipient of an identity: {@code age1...} for {@code AGE-SECRET-KEY-1...},
     * {@code age1pq1...} for {@code AGE-SECRET-KEY-PQ-1...}.
     *
     * @param identity an {@code AGE-SECRET-KEY-1...} or {@code AGE-SECRET-KEY-PQ-1...} identity
     * @return its recipient
     * @throws FormatException when the identity is not valid
     */
    public static String recipientOf(String identity) {
        String trimmed = identity.strip();
        try {
            if (trimmed.startsWith("AGE-SECRET-KEY-PQ-1")) {
                return HybridIdentity.parse(trimmed, "the given identity").recipient().encoded();
            }
            return X25519Identity.parse(trimmed, "the given identity").recipient().encoded();
        } catch (IllegalArgumentException e) {
            throw new FormatException(e.getMessage());
        }
    }

    /**
     * Splits a comma-separated recipient list as sops does ({@code --age}, {@code SOPS_AGE_RECIPIENTS},
     * {@code .sops.yaml}): each entry trimmed and validated; an empty string gives an empty list.
     *
     * @param commaSeparated recipients separated by commas
     * @return the recipients
     */
    public static List<String> parseRecipients(String commaSeparated) {
        List<String> recipients = new ArrayList<>();
        if (commaSeparated.isEmpty()) {
            return recipients;
        }
        for (String part : commaSeparated.split(",", -1)) {
            String recipient = part.strip();
            parseRecipient(recipient);
            recipients.add(recipient);
        }
        return recipients;
    }

    /**
     * A master key for an {@code age1...}, {@code age1pq1...}, {@code ssh-ed25519}/{@code ssh-rsa} or age plugin
     * ({@code age1NAME1...}, wrapped by {@code age-plugin-NAME}) recipient (trimmed), holding no wrapped data key yet.
     *
     * @param recipient the recipient
     * @return the master key
     * @throws FormatException when the recipient is not valid
     */
    public static AgeMasterKey recipient(String recipient) {
        return AgeMasterKey.forRecipient(recipient);
    }

    /**
     * One master key per recipient of a comma-separated list, as {@code --age} takes them.
     *
     * @param commaSeparated recipients separated by commas
     * @return one master key per recipient of a comma-separated list, as {@code --age} takes them
     * @throws FormatException when a recipient is not valid
     */
    public static List<AgeMasterKey> recipients(String commaSeparated) {
        List<AgeMasterKey> keys = new ArrayList<>();
        for (String recipient : parseRecipients(commaSeparated)) {
            keys.add(AgeMasterKey.forRecipient(recipient));
        }
        return keys;
    }

    /**
     * The {@code age} key source, reading stored {@code age} entries; {@link io.sops4j.keys.KeySources#installed()}
     * holds it too.
     *
     * @return the {@code age} key source, reading stored {@code age} entries
     */
    public static KeySource keySource() {
        return new AgeKeySource();
    }

    static Recipient parseRecipient(String recipient) {
        return parseRecipient(recipient, PluginHost.terminal(KeyEnvironment.system()));
    }

    /** The recipient; a plugin recipient runs its plugin on {@code host} only when it wraps a key. */
    static Recipient parseRecipient(String recipient, PluginHost host) {
        try {
            if (recipient.startsWith("age1pq1")) {
                return HybridRecipient.parse(recipient);
            }
            if (PluginName.isPluginRecipient(recipient)) {
                return PluginRecipient.parse(recipient, host);
            }
            if (recipient.startsWith("age1")) {
                return X25519Recipient.parse(recipient);
            }
            if (recipient.startsWith("ssh-")) {
                return SshKeys.parseRecipient(recipient);
            }
            throw new IllegalArgumentException("unknown recipient type");
        } catch (IllegalArgumentException e) {
            throw new FormatException("invalid age recipient '" + recipient + "': " + e.getMessage());
        }
    }
}
