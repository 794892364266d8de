package io.sops4j.internal.datakey;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The order in which key types are tried within a group ({@code --decryption-order}, {@code SOPS_DECRYPTION_ORDER}). */
public record DecryptionOrder(List<String> types) {

    /** sops's default: age keys first, then PGP. */
    public static final DecryptionOrder DEFAULT = new DecryptionOrder(List.of("age", "pgp"));

    /**
     * Copies {@code types}; a type named twice fails with {@code DUPLICATE_DECRYPTION_KEY_TYPE}.
     *
     * @param types the key types, first tried first
     */
    public DecryptionOrder {
        types = List.copyOf(types);
        Set<String> seen = new HashSet<>();
        for (String type : types) {
            if (!seen.add(type)) {
                throw new SopsException(ExitCode.DUPLICATE_DECRYPTION_KEY_TYPE,
                        "Duplicate decryption key type: " + type);
            }
        }
    }

    /**
     * Parses a comma-separated list; an empty text gives the default order.
     *
     * @param text key types separated by commas, such as {@code age,pgp}
     * @return the order
     */
    public static DecryptionOrder parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        List<String> types = new ArrayList<>();
        for (String part : text.split(",")) {
            String type = part.trim();
            if (!type.isEmpty()) {
                types.add(type);
            }
        }
        return new DecryptionOrder(types);
    }

    /**
     * The order {@code SOPS_DECRYPTION_ORDER} names, else {@link #DEFAULT}.
     *
     * @param environment where {@code SOPS_DECRYPTION_ORDER} is read
     * @return the order {@code SOPS_DECRYPTION_ORDER} names, else {@link #DEFAULT}
     */
    public static DecryptionOrder from(KeyEnvironment environment) {
        return parse(environment.get("SOPS_DECRYPTION_ORDER").orElse(null));
    }

    /**
     * The keys sorted stably: listed types first in list order, the others after in their order.
     *
     * @param keys the keys of one group
     * @return the keys sorted stably
     */
    public List<MasterKey> sort(List<MasterKey> keys) {
        List<MasterKey> sorted = new ArrayList<>(keys);
        // not Comparator.comparingInt: its lambda is serializable, which start-up archives cannot hold
        sorted.sort((first, second) -> Integer.compare(rank(first), rank(second)));
        return sorted;
    }

    private int rank(MasterKey key) {
        int index = types.indexOf(key.type());
        return index < 0 ? types.size() : index;
    }
}
