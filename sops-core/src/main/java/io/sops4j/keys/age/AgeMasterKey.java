package io.sops4j.keys.age;

import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The data key wrapped to one age recipient: an X25519 {@code age1...} key, a hybrid post-quantum
 * {@code age1pq1...} key, an SSH {@code ssh-ed25519}/{@code ssh-rsa} public key or an age plugin
 * recipient {@code age1NAME1...} (wrapped and unwrapped by the program {@code age-plugin-NAME} on
 * {@code PATH}). {@code enc} is an armored age file.
 */
public final class AgeMasterKey implements MasterKey {

    static final String TYPE = "age";

    private final String recipient;
    private final String encryptedKey;

    private AgeMasterKey(String recipient, String encryptedKey) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.encryptedKey = Objects.requireNonNull(encryptedKey, "encryptedKey");
    }

    /** A key for {@code recipient} (trimmed) that holds no wrapped data key yet; the recipient is validated. */
    static AgeMasterKey forRecipient(String recipient) {
        String trimmed = recipient.strip();
        AgeKeys.parseRecipient(trimmed);
        return new AgeMasterKey(trimmed, "");
    }

    /** A stored key, as read from the metadata; the recipient is checked only when encrypting. */
    static AgeMasterKey stored(String recipient, String encryptedKey) {
        return new AgeMasterKey(recipient, encryptedKey);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String id() {
        return recipient;
    }

    /**
     * The {@code age1...}, {@code age1pq1...}, SSH or age plugin recipient.
     *
     * @return the recipient
     */
    public String recipient() {
        return recipient;
    }

    @Override
    public String encryptedKey() {
        return encryptedKey;
    }

    @Override
    public AgeMasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        return encrypt(plaintext, PluginHost.terminal(environment));
    }

    AgeMasterKey encrypt(byte[] plaintext, PluginHost pluginHost) {
        Recipient parsed = AgeKeys.parseRecipient(recipient, pluginHost);
        try {
            byte[] file = AgeFile.encrypt(plaintext, List.of(parsed));
            return new AgeMasterKey(recipient, Armor.encode(file));
        } catch (AgeFailure e) {
            throw new DataKeyException("failed to create writer for encrypting sops data key with age: "
                    + "failed to wrap key for recipient #0: " + e.getMessage());
        }
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        return decrypt(environment, PluginHost.terminal(environment));
    }

    byte[] decrypt(KeyEnvironment environment, PluginHost pluginHost) {
        return decrypt(IdentityDiscovery.discover(environment, recipient, IdentityDiscovery.Os.current(), pluginHost));
    }

    byte[] decrypt(IdentityDiscovery.Found found) {
        if (found.identities().isEmpty()) {
            throw new DataKeyException(withContext("failed to load age identities for recipient " + recipient, found));
        }
        try {
            byte[] file = Armor.decode(encryptedKey.getBytes(StandardCharsets.ISO_8859_1));
            return AgeFile.decrypt(file, found.identities());
        } catch (AgeFailure e) {
            String why = switch (e.kind()) {
                case NO_MATCH -> "no identity matched (tried " + describe(found.identities()) + ")";
                case ARMOR -> "the stored enc is not a valid armored age file: " + e.getMessage();
                default -> e.getMessage();
            };
            throw new DataKeyException(withContext("failed to decrypt the sops data key with age for recipient "
                    + recipient + ": " + why, found), null, e);
        }
    }

    private static String describe(List<Identity> identities) {
        List<String> names = new ArrayList<>();
        for (Identity identity : identities) {
            names.add(identity.describe());
        }
        return String.join("; ", names);
    }

    private static String withContext(String message, IdentityDiscovery.Found found) {
        StringBuilder text = new StringBuilder(message);
        if (!found.errors().isEmpty()) {
            text.append(". Errors while loading age identities: ").append(String.join("; ", found.errors()));
        }
        List<String> unused = found.unusedLocations();
        if (!unused.isEmpty()) {
            text.append(". Did not find keys in location").append(unused.size() == 1 ? " '" : "s '")
                    .append(String.join("', '", unused)).append("'.");
        }
        return text.toString();
    }

    @Override
    public TreeBranch toMetadata() {
        return new TreeBranch().add("enc", encryptedKey).add("recipient", recipient);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgeMasterKey other && recipient.equals(other.recipient) && encryptedKey.equals(other.encryptedKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, encryptedKey);
    }

    @Override
    public String toString() {
        return "age:" + recipient;
    }
}
