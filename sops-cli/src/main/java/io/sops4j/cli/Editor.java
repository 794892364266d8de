package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The user's editor: {@code $SOPS_EDITOR}, else {@code $EDITOR} (split like a shell would), else vim, nano or vi. */
final class Editor {

    private final List<String> command;

    private Editor(List<String> command) {
        this.command = command;
    }

    static Editor find(Map<String, String> environment) {
        for (String variable : List.of("SOPS_EDITOR", "EDITOR")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return new Editor(split(value));
            }
        }
        String path = environment.getOrDefault("PATH", "");
        for (String name : List.of("vim", "nano", "vi")) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
                    return new Editor(List.of(Path.of(directory, name).toString()));
                }
            }
        }
        throw new SopsException(ExitCode.NO_EDITOR_FOUND, "Could not find an editor: set SOPS_EDITOR or EDITOR, "
                + "or install vim, nano or vi");
    }

    /** Runs the editor on {@code file} with this process's terminal; a failure to start or a non-zero exit is exit 201. */
    void edit(Path file) {
        List<String> arguments = new ArrayList<>(command);
        arguments.add(file.toString());
        try {
            Process process = new ProcessBuilder(arguments).inheritIO().start();
            int status = process.waitFor();
            if (status != 0) {
                throw new SopsException(ExitCode.NO_EDITOR_FOUND, "Could not run editor: " + command.get(0)
                        + " exited with status " + status);
            }
        } catch (IOException e) {
            throw new SopsException(ExitCode.NO_EDITOR_FOUND, "Could not run editor: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SopsException(ExitCode.NO_EDITOR_FOUND, "Could not run editor: interrupted", e);
        }
    }

    /** Shell-like word splitting: blanks separate words, quotes group them, backslash escapes. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new SopsException(ExitCode.NO_EDITOR_FOUND, "Could not run editor: unterminated quote in the editor command");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new SopsException(ExitCode.NO_EDITOR_FOUND, "Could not run editor: empty editor command");
        }
        return words;
    }
}
