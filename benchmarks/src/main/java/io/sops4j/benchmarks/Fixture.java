package io.sops4j.benchmarks;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fresh age key with a {@link Sops} that can open what it encrypts. */
public final class Fixture {

    private final AgeKeys.KeyPair key;
    private final Sops sops;
    private final EncryptionOptions options;

    private Fixture(AgeKeys.KeyPair key, Path home) {
        this.key = key;
        this.sops = Sops.builder().environment(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", key.identity()), home)).build();
        this.options = EncryptionOptions.withKeys(new ArrayList<MasterKey>(AgeKeys.recipients(key.recipient())));
    }

    public static Fixture create() {
        try {
            return new Fixture(AgeKeys.generateX25519(), Files.createTempDirectory("sops4j-bench-home"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture for an existing identity (as written by {@link Prepare}). */
    public static Fixture forIdentity(String identity, Path home) {
        return new Fixture(new AgeKeys.KeyPair(identity, AgeKeys.recipientOf(identity)), home);
    }

    public String identity() {
        return key.identity();
    }

    public Sops sops() {
        return sops;
    }

    public EncryptionOptions options() {
        return options;
    }

    public byte[] encrypt(byte[] plaintext, Format format) {
        return sops.encrypt(plaintext, format, options);
    }

    /** The number of scalar values (leaves) in the documents, comments left out. */
    public static long countValues(List<TreeBranch> branches) {
        long count = 0;
        for (TreeBranch branch : branches) {
            count += countIn(branch);
        }
        return count;
    }

    private static long countIn(Object value) {
        if (value instanceof TreeBranch branch) {
            long count = 0;
            for (TreeItem item : branch) {
                if (!item.isComment()) {
                    count += countIn(item.value());
                }
            }
            return count;
        }
        if (value instanceof List<?> list) {
            long count = 0;
            for (Object element : list) {
                count += countIn(element);
            }
            return count;
        }
        return value instanceof Comment ? 0 : 1;
    }
}
