package io.sops4j.internal.store.yaml;

/**
 * What an emitter may do with a scalar's text (libyaml/yaml.v3 {@code yaml_emitter_analyze_scalar}),
 * and the style yaml.v3 gives a Go string when it encodes it ({@code encoder.stringv} followed by the
 * emitter's style selection).
 */
final class ScalarAnalysis {

    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

    final String value;
    final boolean multiline;
    final boolean flowPlainAllowed;
    final boolean blockPlainAllowed;
    final boolean singleQuotedAllowed;
    final boolean blockAllowed;

    private ScalarAnalysis(String value, boolean multiline, boolean flowPlain, boolean blockPlain, boolean single,
            boolean block) {
        this.value = value;
        this.multiline = multiline;
        this.flowPlainAllowed = flowPlain;
        this.blockPlainAllowed = blockPlain;
        this.singleQuotedAllowed = single;
        this.blockAllowed = block;
    }

    static boolean isSpace(int c) {
        return c == ' ';
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static boolean isPrintable(int c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    static ScalarAnalysis of(String value) {
        if (value.isEmpty()) {
            return new ScalarAnalysis(value, false, false, true, true, false);
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean tabCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;

        if (value.startsWith("---") || value.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        int[] cps = CodePoints.of(value);
        boolean precededByWhitespace = true;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            boolean followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]) || isBreak(cps[i + 1]);
            if (i == 0) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                    case '?', ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '-' -> {
                        if (followedByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            } else {
                switch (c) {
                    case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                    case ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '#' -> {
                        if (precededByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (c == '\t') {
                tabCharacters = true;
            } else if (!isPrintable(c)) {
                specialCharacters = true;
            }
            if (isSpace(c)) {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (i + 1 == cps.length) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                if (i == 0) {
                    leadingBreak = true;
                }
                if (i + 1 == cps.length) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(c) || isBreak(c);
        }
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean single = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            flowPlain = false;
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            flowPlain = false;
            blockPlain = false;
            single = false;
        }
        if (spaceBreak || tabCharacters || specialCharacters) {
            flowPlain = false;
            blockPlain = false;
            single = false;
        }
        if (spaceBreak || specialCharacters) {
            block = false;
        }
        if (lineBreaks) {
            flowPlain = false;
            blockPlain = false;
        }
        if (flowIndicators) {
            flowPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new ScalarAnalysis(value, lineBreaks, flowPlain, blockPlain, single, block);
    }

    /** The emitter's {@code yaml_emitter_select_scalar_style} for an untagged, implicit scalar. */
    Style select(Style requested, boolean flow, boolean simpleKey) {
        Style style = requested;
        if (simpleKey && multiline) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.PLAIN) {
            if (flow && !flowPlainAllowed || !flow && !blockPlainAllowed) {
                style = Style.SINGLE_QUOTED;
            }
            if (value.isEmpty() && (flow || simpleKey)) {
                style = Style.SINGLE_QUOTED;
            }
        }
        if (style == Style.SINGLE_QUOTED && !singleQuotedAllowed) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.LITERAL && (!blockAllowed || flow || simpleKey)) {
            style = Style.DOUBLE_QUOTED;
        }
        return style;
    }

    /**
     * The style a string value keeps after SOPS's {@code Node.Encode(value)}: yaml.v3 asks for a
     * literal block when it has a newline, plain when plain text would read back as the same
     * string, double quotes otherwise; the emitter then falls back to what the text allows.
     */
    Style encodedStyle() {
        Style requested;
        if (value.contains("\n")) {
            requested = Style.LITERAL;
        } else if (canUsePlain(value)) {
            requested = Style.PLAIN;
        } else {
            requested = Style.DOUBLE_QUOTED;
        }
        return select(requested, false, false);
    }

    static boolean canUsePlain(String s) {
        return YamlResolver.resolve("", s).tag().equals(YamlResolver.STR)
                && !(YamlResolver.isBase60Float(s) || YamlResolver.isOldBool(s));
    }
}
