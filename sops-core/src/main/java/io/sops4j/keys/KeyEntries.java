package io.sops4j.keys;

import io.sops4j.error.FormatException;
import io.sops4j.internal.go.GoFormat;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes the fields of a stored key entry (one element of a metadata list such as
 * {@code age} or {@code kms}) the way sops does, for {@link KeySource#fromMetadata} and
 * {@link MasterKey#toMetadata} implementations.
 */
public final class KeyEntries {

    private KeyEntries() {
    }

    /**
     * A string field, empty when absent. As sops reads metadata, numbers, booleans and times
     * stand for their text.
     *
     * @param entry a stored key entry
     * @param name the field name
     * @return a string field, empty when absent
     * @throws FormatException when the field holds a list or a mapping
     */
    public static String text(TreeBranch entry, String name) {
        Object value = entry.get(name).orElse(null);
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            return GoFormat.formatFloatF(d);
        }
        if (value instanceof OffsetDateTime t) {
            return GoFormat.formatTimeSeconds(t);
        }
        if (value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        throw new FormatException("sops metadata: " + name + " must be a string");
    }

    /**
     * The entry's {@code created_at} time.
     *
     * @param entry a stored key entry
     * @return the entry's {@code created_at} time
     * @param type the key type, named in the error
     * @throws FormatException when it is not an RFC 3339 time
     */
    public static OffsetDateTime createdAt(TreeBranch entry, String type) {
        String text = text(entry, "created_at");
        try {
            return GoFormat.parseTime(text);
        } catch (DateTimeParseException e) {
            throw new FormatException("sops metadata: " + type + " key has an invalid created_at: " + text);
        }
    }

    /**
     * A {@code created_at} time as sops stores it: RFC 3339 in UTC, whole seconds, e.g. {@code 2026-01-01T00:00:00Z}.
     *
     * @param time the time to store
     * @return the time as text
     */
    public static String formatTime(OffsetDateTime time) {
        return GoFormat.formatTimeSeconds(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
