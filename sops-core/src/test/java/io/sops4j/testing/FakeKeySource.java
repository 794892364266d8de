package io.sops4j.testing;

import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.util.Base64;
import java.util.Set;

/**
 * An insecure stand-in for a real key type, stored under {@code age}: the "wrapped" key is the
 * plaintext XOR-ed with the recipient's name. Recipients listed in {@code FAKE_KEYS_LOST} (comma
 * separated, in the key environment) cannot unwrap.
 */
public record FakeKeySource() implements KeySource {

    @Override
    public String type() {
        return "age";
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return new Key(KeyEntries.text(entry, "recipient"), KeyEntries.text(entry, "enc"));
    }

    @Override
    public MasterKey fromIdentifier(String identifier) {
        return new Key(identifier, "");
    }

    /** One fake recipient. */
    public record Key(String id, String encryptedKey) implements MasterKey {

        @Override
        public String type() {
            return "age";
        }

        @Override
        public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
            return new Key(id, Base64.getEncoder().encodeToString(xor(plaintext)));
        }

        @Override
        public byte[] decrypt(KeyEnvironment environment) {
            String lost = environment.get("FAKE_KEYS_LOST").orElse("");
            if (Set.of(lost.split(",")).contains(id) || encryptedKey.isEmpty()) {
                throw new DataKeyException("no identity for " + id);
            }
            return xor(Base64.getDecoder().decode(encryptedKey));
        }

        private byte[] xor(byte[] input) {
            byte[] out = input.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] ^= (byte) id.charAt(i % id.length());
            }
            return out;
        }

        @Override
        public TreeBranch toMetadata() {
            return new TreeBranch().add("enc", encryptedKey).add("recipient", id);
        }
    }
}
