package io.sops4j.internal.store.ini;

import io.sops4j.internal.go.GoText;
import java.util.Locale;

/**
 * Writes an {@link IniFile} the way gopkg.in/ini.v1 v1.67 does with its default pretty format:
 * {@code key = value} with the {@code =} of a section aligned on its longest key (in UTF-8 bytes),
 * comments prefixed {@code ; }, a blank line between sections, and the first section written
 * without header when it is {@code DEFAULT} (and not at all when that one has no keys).
 */
final class IniWriter {

    private static final String DELIMITERS = "=:";

    private IniWriter() {
    }

    static String write(IniFile file) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < file.sections.size(); i++) {
            IniFile.Section section = file.sections.get(i);
            if (!section.comment.isEmpty()) {
                for (String line : section.comment.split("\n", -1)) {
                    out.append(commentLine(line, false)).append('\n');
                }
            }
            if (i > 0 || !section.name.toUpperCase(Locale.ROOT).equals(IniFile.DEFAULT_SECTION)) {
                out.append('[').append(section.name).append("]\n");
            } else if (section.keys.isEmpty()) {
                continue;
            }
            int align = 0;
            for (String name : section.keys.keySet()) {
                int length = GoText.byteLength(name);
                if (name.indexOf('"') >= 0 || GoText.containsAny(name, DELIMITERS)) {
                    length += 2;
                } else if (name.indexOf('`') >= 0) {
                    length += 6;
                }
                align = Math.max(align, length);
            }
            for (IniFile.Key key : section.keys.values()) {
                if (!key.comment.isEmpty()) {
                    for (String line : key.comment.split("\n", -1)) {
                        out.append(commentLine(line, true)).append('\n');
                    }
                }
                String name = quotedName(key.name);
                out.append(name).append(" ".repeat(align - GoText.byteLength(name))).append(" = ")
                        .append(quotedValue(key.value)).append('\n');
            }
            if (i < file.sections.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** ini.v1 indexes the first byte of each comment line (and panics on an empty one); an empty line is written as {@code ;}. */
    private static String commentLine(String line, boolean trimPlain) {
        if (line.isEmpty()) {
            return ";";
        }
        char first = line.charAt(0);
        if (first != '#' && first != ';') {
            return "; " + (trimPlain ? GoText.trimSpace(line) : line);
        }
        return first + " " + GoText.trimSpace(line.substring(1));
    }

    private static String quotedName(String name) {
        if (name.indexOf('"') >= 0 || GoText.containsAny(name, DELIMITERS)) {
            return "`" + name + "`";
        }
        if (name.indexOf('`') >= 0) {
            return "\"\"\"" + name + "\"\"\"";
        }
        return name;
    }

    private static String quotedValue(String value) {
        if (GoText.containsAny(value, "\n`")) {
            return "\"\"\"" + value + "\"\"\"";
        }
        if (GoText.containsAny(value, "#;")) {
            return "`" + value + "`";
        }
        if (!GoText.trimSpace(value).equals(value)) {
            return "\"" + value + "\"";
        }
        return value;
    }
}
