package io.sops4j.cli;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The command line's {@link System.Logger}s: one line per record on standard error. The product's
 * own loggers ({@code io.sops4j.*}) speak from {@code DEBUG} on with {@code --verbose}, from
 * {@code WARNING} on otherwise; everything else from {@code WARNING} on.
 */
public final class StderrLoggerFinder extends System.LoggerFinder {

    private static volatile boolean verbose;
    private static volatile PrintStream err = System.err;

    /** Set from {@code --verbose} once the arguments are parsed. */
    static void verbose(boolean on, PrintStream stream) {
        verbose = on;
        err = stream;
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new StderrLogger(name);
    }

    private record StderrLogger(String name) implements System.Logger {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            Level threshold = verbose && name.startsWith("io.sops4j") ? Level.DEBUG : Level.WARNING;
            return level != Level.OFF && level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                print(level, message, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                print(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            if (isLoggable(level)) {
                print(level, message.get(), null);
            }
        }

        private void print(Level level, String message, Throwable thrown) {
            String line = "[" + name + "] " + level.getName() + " " + message;
            err.println(thrown == null ? line : line + ": " + thrown.getClass().getSimpleName());
        }
    }
}
