package io.sops4j.internal.store.ini;

import io.sops4j.internal.go.GoText;
import io.sops4j.internal.text.RawText;
import java.nio.charset.StandardCharsets;

/**
 * Reads INI text the way gopkg.in/ini.v1 does with sops' options (default delimiters {@code =}
 * and {@code :}, inline comments, line continuation, no boolean keys, non-unique sections).
 * Error messages name the line number but never its content, which may be a secret.
 */
final class IniParser {

    private static final String DELIMITERS = "=:";

    private final String text;
    private int position;
    private boolean eof;
    private int lineNumber;
    private final StringBuilder comment = new StringBuilder();
    private int autoIncrement = 1;

    private IniParser(String text) {
        this.text = text;
    }

    static IniFile parse(byte[] input) {
        int skip = 0;
        if (input.length >= 2 && ((input[0] & 0xFF) == 0xFE && (input[1] & 0xFF) == 0xFF
                || (input[0] & 0xFF) == 0xFF && (input[1] & 0xFF) == 0xFE)) {
            skip = 2;
        } else if (input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB && (input[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        return new IniParser(RawText.decode(input, skip, input.length - skip)).parse();
    }

    /** A parse failure; the message is safe to show. */
    static final class IniSyntaxException extends RuntimeException {
        IniSyntaxException(String message) {
            super(message);
        }
    }

    private String readLine() {
        int end = text.indexOf('\n', position);
        String line;
        if (end < 0) {
            line = text.substring(position);
            position = text.length();
            eof = true;
        } else {
            line = text.substring(position, end + 1);
            position = end + 1;
        }
        lineNumber++;
        return line;
    }

    private IniFile parse() {
        IniFile file = new IniFile();
        IniFile.Section section = file.newSection(IniFile.DEFAULT_SECTION);
        while (!eof) {
            String line = GoText.trimLeft(readLine());
            if (line.isEmpty()) {
                continue;
            }
            char first = line.charAt(0);
            if (first == '#' || first == ';') {
                comment.append(line);
                continue;
            }
            if (first == '[') {
                int close = line.lastIndexOf(']');
                if (close < 0) {
                    throw new IniSyntaxException("unclosed section on line " + lineNumber);
                }
                String name = line.substring(1, close);
                if (name.isEmpty()) {
                    throw new IniSyntaxException("empty section name on line " + lineNumber);
                }
                section = file.newSection(name);
                int trailing = GoText.indexOfAny(line.substring(close + 1), "#;");
                if (trailing >= 0) {
                    comment.append(line.substring(close + 1 + trailing));
                }
                section.comment = GoText.trimSpace(comment.toString());
                comment.setLength(0);
                autoIncrement = 1;
                continue;
            }
            int keyLine = lineNumber;
            KeyName keyName = readKeyName(line);
            String name = keyName.name();
            if (name.equals("-")) {
                name = "#" + autoIncrement++;
            }
            String value = readValue(line.substring(keyName.valueStart()));
            if (name.isEmpty()) {
                throw new IniSyntaxException("empty key name on line " + keyLine);
            }
            IniFile.Key key = section.newKey(name, value);
            key.comment = GoText.trimSpace(comment.toString());
            comment.setLength(0);
        }
        return file;
    }

    /** A key name and where its value starts on the line. */
    private record KeyName(String name, int valueStart) {
    }

    private KeyName readKeyName(String line) {
        String quote = "";
        if (line.charAt(0) == '"') {
            quote = line.length() > 6 && line.startsWith("\"\"\"") ? "\"\"\"" : "\"";
        } else if (line.charAt(0) == '`') {
            quote = "`";
        }
        if (!quote.isEmpty()) {
            int start = quote.length();
            int close = line.indexOf(quote, start);
            if (close < 0) {
                throw new IniSyntaxException("missing closing key quote on line " + lineNumber);
            }
            int delimiter = GoText.indexOfAny(line.substring(close + start), DELIMITERS);
            if (delimiter < 0) {
                throw new IniSyntaxException("key-value delimiter not found on line " + lineNumber);
            }
            return new KeyName(GoText.trimSpace(line.substring(start, close)), close + start + delimiter + 1);
        }
        int delimiter = GoText.indexOfAny(line, DELIMITERS);
        if (delimiter < 0) {
            throw new IniSyntaxException("key-value delimiter not found on line " + lineNumber);
        }
        return new KeyName(GoText.trimSpace(line.substring(0, delimiter)), delimiter + 1);
    }

    private String readValue(String in) {
        String line = GoText.trimLeft(in);
        if (line.isEmpty()) {
            return "";
        }
        String quote = "";
        if (line.length() > 3 && line.startsWith("\"\"\"")) {
            quote = "\"\"\"";
        } else if (line.charAt(0) == '`') {
            quote = "`";
        }
        if (!quote.isEmpty()) {
            int start = quote.length();
            int close = line.substring(start).lastIndexOf(quote);
            if (close < 0) {
                return readMultiline(line.substring(start), quote);
            }
            return line.substring(start, start + close);
        }
        line = GoText.trimSpace(line);
        if (line.charAt(line.length() - 1) == '\\') {
            return readContinuation(line.substring(0, line.length() - 1));
        }
        int commentStart = GoText.indexOfAny(line, "#;");
        if (commentStart >= 0) {
            comment.append(line.substring(commentStart));
            line = GoText.trimSpace(line.substring(0, commentStart));
        }
        if (surroundedBy(line, '\'') || surroundedBy(line, '"')) {
            line = line.substring(1, line.length() - 1);
        }
        return line;
    }

    private String readMultiline(String value, String quote) {
        int startLine = lineNumber;
        StringBuilder text = new StringBuilder(value);
        while (true) {
            String next = readLine();
            int close = next.lastIndexOf(quote);
            if (close >= 0) {
                text.append(next, 0, close);
                int trailing = GoText.indexOfAny(next.substring(close), "#;");
                if (trailing >= 0) {
                    comment.append(GoText.trimSpace(next.substring(close + trailing)));
                }
                return text.toString();
            }
            text.append(next);
            if (eof) {
                throw new IniSyntaxException("missing closing value quote for the value starting on line " + startLine);
            }
        }
    }

    private String readContinuation(String value) {
        StringBuilder text = new StringBuilder(value);
        while (true) {
            String next = GoText.trimSpace(readLine());
            if (next.isEmpty()) {
                break;
            }
            text.append(next);
            if (text.charAt(text.length() - 1) != '\\') {
                break;
            }
            text.setLength(text.length() - 1);
        }
        return text.toString();
    }

    private static boolean surroundedBy(String s, char quote) {
        return s.length() >= 2 && s.charAt(0) == quote && s.charAt(s.length() - 1) == quote
                && s.indexOf(quote, 1) == s.length() - 1;
    }
}
