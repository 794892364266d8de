package io.sops4j.metadata;

import io.sops4j.keys.MasterKey;
import java.util.List;

/** Master keys that each wrap the same secret: the whole data key, or one Shamir share of it. */
public record KeyGroup(List<MasterKey> keys) {

    /**
     * Copies {@code keys}.
     *
     * @param keys the keys of the group
     */
    public KeyGroup {
        keys = List.copyOf(keys);
    }

    /**
     * A group of {@code keys}.
     *
     * @param keys the keys of the group
     * @return a group of {@code keys}
     */
    public static KeyGroup of(MasterKey... keys) {
        return new KeyGroup(List.of(keys));
    }
}
