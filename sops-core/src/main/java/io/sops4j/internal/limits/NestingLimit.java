package io.sops4j.internal.limits;

/**
 * How deep documents may nest: yaml.v3's limit of 10,000 levels, applied to every format. The tree
 * is walked recursively, so deep documents are handled on a thread with a stack large enough for
 * this depth ({@link DeepStack}).
 */
public final class NestingLimit {

    public static final int MAX_DEPTH = 10_000;

    private NestingLimit() {
    }

    /** yaml.v3's message for a document nested deeper than {@link #MAX_DEPTH}. */
    public static String exceeded() {
        return "exceeded max depth of " + MAX_DEPTH;
    }
}
