package io.sops4j.internal.datakey;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.internal.crypto.Randomness;
import io.sops4j.internal.crypto.Shamir;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeyService;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a file's data key with its master keys and recovers it again. One key group: every key
 * wraps the whole data key. Several groups: the key is split with Shamir, group i wraps share i,
 * and any {@code shamir_threshold} groups recover it.
 */
public final class DataKeys {

    public static final int DATA_KEY_LENGTH = 32;


    private DataKeys() {
    }

    public static byte[] generate() {
        return Randomness.bytes(DATA_KEY_LENGTH);
    }

    /** The threshold that applies: the stored one, or the number of groups when unset. */
    public static int effectiveThreshold(Metadata metadata) {
        int threshold = metadata.shamirThreshold();
        return threshold == 0 ? metadata.keyGroups().size() : threshold;
    }

    /**
     * Wraps {@code dataKey} with every key of every group; returns the groups holding the wrapped
     * copies. Any failure aborts: a file must not be written that some listed key cannot open.
     */
    public static List<KeyGroup> wrap(byte[] dataKey, List<KeyGroup> groups, int threshold, KeyEnvironment environment) {
        if (groups.isEmpty()) {
            throw new GenerationFailure(List.of("no key groups provided"));
        }
        byte[][] parts;
        if (groups.size() == 1) {
            parts = new byte[][] {dataKey};
        } else {
            try {
                parts = Shamir.split(dataKey, groups.size(), threshold == 0 ? groups.size() : threshold);
            } catch (IllegalArgumentException e) {
                throw new GenerationFailure(List.of("could not split data key into parts for Shamir: " + e.getMessage()));
            }
        }
        List<KeyService> services = services(environment, ExitCode.GENERIC);
        List<KeyGroup> wrapped = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            KeyGroup group = groups.get(i);
            if (group.keys().isEmpty()) {
                throw new GenerationFailure(List.of("empty key group provided"));
            }
            List<MasterKey> keys = new ArrayList<>();
            for (MasterKey key : group.keys()) {
                List<String> keyErrors = new ArrayList<>();
                MasterKey holding = null;
                for (KeyService service : services) {
                    long start = System.nanoTime();
                    try {
                        holding = service.encrypt(key, parts[i]);
                        KeyLog.attempt(key, "encryption of the data key succeeded", start, null);
                        break;
                    } catch (SopsException e) {
                        KeyLog.attempt(key, "encryption of the data key failed", start, e.getMessage());
                        keyErrors.add("failed to encrypt new data key with master key \"" + key.id() + "\": " + e.getMessage());
                    }
                }
                if (holding != null) {
                    keys.add(holding);
                } else {
                    errors.addAll(keyErrors);
                }
            }
            wrapped.add(new KeyGroup(keys));
        }
        if (!errors.isEmpty()) {
            throw new GenerationFailure(errors);
        }
        return wrapped;
    }

    /** Recovers the data key, trying every group and, within a group, the keys in decryption order. */
    public static byte[] recover(Metadata metadata, KeyEnvironment environment, DecryptionOrder order) {
        List<KeyGroup> groups = metadata.keyGroups();
        List<KeyService> services = services(environment, ExitCode.COULD_NOT_RETRIEVE_KEY);
        List<byte[]> parts = new ArrayList<>();
        StringBuilder report = new StringBuilder("Failed to get the data key required to decrypt the SOPS file.\n");
        for (int g = 0; g < groups.size(); g++) {
            byte[] part = null;
            StringBuilder groupReport = new StringBuilder();
            for (MasterKey key : order.sort(groups.get(g).keys())) {
                List<String> causes = new ArrayList<>();
                for (KeyService service : services) {
                    long start = System.nanoTime();
                    try {
                        part = service.decrypt(key);
                        KeyLog.attempt(key, "decryption of the data key succeeded", start, null);
                        break;
                    } catch (RuntimeException e) {
                        String cause = e instanceof SopsException ? e.getMessage()
                                : "unexpected internal failure (a bug, not a problem with this key)";
                        KeyLog.attempt(key, "decryption of the data key failed", start, cause);
                        causes.add(cause);
                    }
                }
                if (part != null) {
                    break;
                }
                groupReport.append("\n  ").append(key.id()).append(": FAILED");
                for (int c = 0; c < causes.size(); c++) {
                    groupReport.append(c == 0 ? "\n" : "\n\n").append("    - | ").append(causes.get(c));
                }
            }
            if (part != null) {
                parts.add(part);
                report.append("\nGroup ").append(g).append(": SUCCESS");
            } else {
                report.append("\nGroup ").append(g).append(": FAILED").append(groupReport);
            }
            report.append('\n');
        }
        int threshold = groups.size() == 1 ? 1 : effectiveThreshold(metadata);
        if (parts.size() < threshold) {
            if (groups.size() == 1) {
                report.append("\nRecovery failed because no master key was able to decrypt the file. In order for "
                        + "SOPS to recover the file, at least one key has to be successful, but none were.");
            } else {
                report.append("\nRecovery failed because the file was encrypted with a Shamir threshold of ")
                        .append(threshold).append(", but only ").append(parts.size())
                        .append(" part(s) were successfully recovered, one for each successful key group. In order for "
                                + "SOPS to recover the file, at least ").append(threshold)
                        .append(" groups have to be successful. In order for a group to be successful, decryption has "
                                + "to succeed with any of the keys in that key group.");
            }
            throw new DataKeyException(report.toString());
        }
        if (groups.size() == 1) {
            return checkLength(parts.get(0));
        }
        try {
            return checkLength(Shamir.combine(parts));
        } catch (IllegalArgumentException e) {
            throw new DataKeyException("Error getting data key: could not combine key shares: " + e.getMessage());
        }
    }

    /**
     * The data key could not be wrapped, in upstream's words ({@code [first second]}, Go's list of
     * errors). It is about the keys, not about the file being encrypted, so, as upstream, it names no file.
     */
    private static final class GenerationFailure extends SopsException {

        GenerationFailure(List<String> errors) {
            super(ExitCode.GENERIC, "Could not generate data key: [" + String.join(" ", errors) + "]");
        }

        @Override
        public SopsException inFile(Path file) {
            return this;
        }
    }

    /**
     * Who wraps and unwraps, in upstream's order: the environment's own keys when the local key
     * service is on, then the named key services. None at all is refused rather than writing a
     * file no key was asked to wrap.
     */
    private static List<KeyService> services(KeyEnvironment environment, ExitCode exitCode) {
        List<KeyService> services = new ArrayList<>();
        if (environment.localKeyService()) {
            services.add(new LocalKeyService(environment));
        }
        services.addAll(environment.keyServices());
        if (services.isEmpty()) {
            throw new SopsException(exitCode, "no key service to use: the local key service is disabled "
                    + "(--enable-local-keyservice=false) and no --keyservice is given");
        }
        return services;
    }

    private static byte[] checkLength(byte[] dataKey) {
        if (dataKey.length != DATA_KEY_LENGTH) {
            throw new DataKeyException("Error getting data key: decrypted data key has " + dataKey.length
                    + " bytes, expected " + DATA_KEY_LENGTH);
        }
        return dataKey;
    }
}
