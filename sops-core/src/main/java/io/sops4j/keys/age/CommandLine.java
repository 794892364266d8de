package io.sops4j.keys.age;

import java.util.ArrayList;
import java.util.List;

/** Shell-like word splitting as google/shlex does it: quotes and backslashes, no expansion. */
final class CommandLine {

    private CommandLine() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                int newline = line.indexOf('\n', i);
                i = newline < 0 ? line.length() : newline;
            } else if (c == '\\') {
                inWord = true;
                if (i >= line.length()) {
                    throw new IllegalArgumentException("EOF found after escape character");
                }
                word.append(line.charAt(i++));
            } else if (c == '\'') {
                inWord = true;
                int end = line.indexOf('\'', i);
                if (end < 0) {
                    throw new IllegalArgumentException("EOF found when expecting closing quote");
                }
                word.append(line, i, end);
                i = end + 1;
            } else if (c == '"') {
                inWord = true;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("EOF found when expecting closing quote");
                    }
                    char q = line.charAt(i++);
                    if (q == '"') {
                        break;
                    }
                    if (q == '\\') {
                        if (i >= line.length()) {
                            throw new IllegalArgumentException("EOF found after escape character");
                        }
                        word.append(line.charAt(i++));
                    } else {
                        word.append(q);
                    }
                }
            } else {
                inWord = true;
                word.append(c);
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
