package io.sops4j.kms;

import io.sops4j.keys.KeyEntries;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The {@code created_at} of a key entry: the UTC time a key was configured, in whole seconds. */
public final class CreatedAt {

    private CreatedAt() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** As stored: RFC 3339 in UTC, e.g. {@code 2026-01-01T00:00:00Z}. */
    public static String format(OffsetDateTime time) {
        return KeyEntries.formatTime(time);
    }
}
