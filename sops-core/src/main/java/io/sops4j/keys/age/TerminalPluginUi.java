package io.sops4j.keys.age;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The terminal as age's own command line uses it for plugins: messages go to standard error as
 * {@code age: NAME plugin: ...}; values and confirmations are read from the console or
 * {@code /dev/tty}, without echo; without a terminal every request fails with upstream's reason.
 */
final class TerminalPluginUi implements PluginUi {

    private static final Path TTY = Path.of("/dev/tty");
    private static final int MAX_ANSWER = 64 * 1024;

    private final Path tty;
    private final boolean useConsole;
    private final PrintStream messages;

    TerminalPluginUi(Path tty, boolean useConsole, PrintStream messages) {
        this.tty = tty;
        this.useConsole = useConsole;
        this.messages = messages;
    }

    static TerminalPluginUi system() {
        return new TerminalPluginUi(TTY, true, System.err);
    }

    @Override
    public void message(String plugin, String message) {
        messages.println("age: " + plugin + " plugin: " + printable(message));
        messages.flush();
    }

    @Override
    public void waiting(String plugin) {
        messages.println("age: waiting on " + plugin + " plugin...");
        messages.flush();
    }

    @Override
    public String requestValue(String plugin, String prompt, boolean secret) throws Unavailable {
        return read(plugin, printable(prompt), secret);
    }

    @Override
    public boolean confirm(String plugin, String prompt, String yes, String no) throws Unavailable {
        if (no.isEmpty()) {
            read(plugin, printable(prompt) + " (press enter for \"" + printable(yes) + "\")", true);
            return true;
        }
        String choice = read(plugin, printable(prompt) + " (1 for \"" + printable(yes) + "\", 2 for \""
                + printable(no) + "\")", true).strip();
        return switch (choice) {
            case "1" -> true;
            case "2" -> false;
            default -> throw new Unavailable("invalid selection for age-plugin-" + plugin);
        };
    }

    private String read(String plugin, String prompt, boolean secret) throws Unavailable {
        Console console = useConsole ? System.console() : null;
        if (console != null) {
            char[] answer = secret ? console.readPassword("%s ", prompt) : null;
            String line = secret ? (answer == null ? null : new String(answer)) : console.readLine("%s ", prompt);
            if (line == null) {
                throw new Unavailable("could not read value for age-plugin-" + plugin + ": end of input");
            }
            return line;
        }
        try (InputStream in = new FileInputStream(tty.toFile()); OutputStream out = new FileOutputStream(tty.toFile())) {
            out.write((prompt + " ").getBytes(StandardCharsets.UTF_8));
            out.flush();
            boolean echoOff = secret && stty("-echo");
            try {
                return readLine(in, plugin);
            } finally {
                if (echoOff) {
                    stty("echo");
                }
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            throw new Unavailable("could not read value for age-plugin-" + plugin
                    + ": standard input is not a terminal, and " + tty + " is not available: " + reason(e));
        }
    }

    private static String readLine(InputStream in, String plugin) throws IOException, Unavailable {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0 && line.size() == 0) {
                throw new Unavailable("could not read value for age-plugin-" + plugin + ": end of input");
            }
            if (b < 0 || b == '\n') {
                break;
            }
            if (line.size() >= MAX_ANSWER) {
                throw new Unavailable("could not read value for age-plugin-" + plugin + ": the answer is too long");
            }
            line.write(b);
        }
        String answer = line.toString(StandardCharsets.UTF_8);
        return answer.endsWith("\r") ? answer.substring(0, answer.length() - 1) : answer;
    }

    private boolean stty(String setting) {
        try {
            Process stty = new ProcessBuilder("stty", setting).redirectInput(tty.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return stty.waitFor(5, TimeUnit.SECONDS) && stty.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Text from a plugin without control characters, so that it cannot drive the terminal. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) && c != '\t' ? '?' : c));
        return out.toString();
    }
}
