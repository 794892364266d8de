package io.sops4j.internal.store.yaml;

import io.sops4j.error.FormatException;

/**
 * yaml.v3's defence against alias bombs, counted the same way: every node decoded counts, and every
 * node decoded through an alias counts as aliased; past 100 aliased out of 1,000 decoded nodes the
 * share of aliased nodes may not exceed 0.99 (up to 400,000 decoded), falling linearly to 0.10 at
 * 4,000,000 decoded.
 */
final class AliasBudget {

    static final String EXCESSIVE = "yaml: document contains excessive aliasing";

    private static final long RATIO_RANGE_LOW = 400_000;
    private static final long RATIO_RANGE_HIGH = 4_000_000;

    private long decodeCount;
    private long aliasCount;
    private int aliasDepth;

    /** Counts one node about to be decoded; fails once aliases expand beyond the allowed share. */
    void decode() {
        decodeCount++;
        if (aliasDepth > 0) {
            aliasCount++;
        }
        if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
            throw new FormatException(EXCESSIVE);
        }
    }

    void enterAlias() {
        aliasDepth++;
    }

    void leaveAlias() {
        aliasDepth--;
    }

    static double allowedAliasRatio(long decodeCount) {
        if (decodeCount <= RATIO_RANGE_LOW) {
            return 0.99;
        }
        if (decodeCount >= RATIO_RANGE_HIGH) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodeCount - RATIO_RANGE_LOW) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW));
    }
}
