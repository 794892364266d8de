package io.sops4j.keys.age;

import io.sops4j.error.FormatException;
import io.sops4j.keys.KeySource;
import java.util.ArrayList;
import java.util.List;

/**
 * Age keys: {@link #recipient} and {@link #recipients} make the master keys a file is encrypted
 * for; {@link #generateX25519} and {@link #recipientOf} handle X25519 identities.
 *
 * <pre>{@code
 * EncryptionOptions options = EncryptionOptions.withKeys(AgeKeys.recipient("age1..."));
 * }</pre>
 */
public final class AgeKeys {

    /** A new X25519 key pair: {@code identity} is the {@code AGE-SECRET-KEY-1...} secret, {@code recipient} the {@code age1...} public key. */
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
     * The {@code age1...} recipient of an {@code AGE-SECRET-KEY-1...} identity.
     *
     * @param identity an {@code AGE-SECRET-KEY-1...} identity
     * @return the {@code age1...} recipient of an {@code AGE-SECRET-KEY-1...} identity
     */
    public static String recipientOf(String identity) {
        try {
            return X25519Identity.parse(identity.strip(), "the given identity").recipient().encoded();
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
     * A master key for an {@code age1...} or {@code ssh-ed25519}/{@code ssh-rsa} recipient (trimmed),
     * holding no wrapped data key yet.
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
        try {
            if (recipient.startsWith("age1pq1")) {
                throw new IllegalArgumentException("post-quantum hybrid age recipients (age1pq1...) are not supported");
            }
            if (recipient.startsWith("age1") && recipient.chars().filter(c -> c == '1').count() > 1) {
                throw new IllegalArgumentException("age plugin recipients are not supported");
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
