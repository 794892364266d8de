package io.sops4j.maven;

import java.util.regex.Pattern;

/**
 * An Ant-style path pattern as Maven users write them: {@code **} spans directories, {@code *} and
 * {@code ?} stay within one name, a trailing {@code /} means everything below. Paths use {@code /}.
 */
final class PathPattern {

    private final Pattern regex;

    private PathPattern(Pattern regex) {
        this.regex = regex;
    }

    static PathPattern compile(String pattern) {
        String normalized = pattern.trim().replace('\\', '/');
        if (normalized.endsWith("/")) {
            normalized += "**";
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            char c = normalized.charAt(i);
            if (normalized.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (normalized.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new PathPattern(Pattern.compile(regex.toString()));
    }

    /** Whether {@code relativePath} (separated by {@code /}) matches the whole pattern. */
    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }
}
