package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What a failed run prints and the exit code it returns. A {@link SopsException} says what went
 * wrong in its own words, with upstream's exit code; anything else gets a sentence without a Java
 * class name, a stack trace or an exception message (which could quote a value of the file).
 * Only {@code --verbose} adds where an unexpected failure happened: classes and frames, no messages.
 */
final class FailureReport {

    private FailureReport() {
    }

    static int print(Throwable failure, PrintStream err, boolean verbose) {
        Throwable cause = failure instanceof picocli.CommandLine.ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof UncheckedIOException unchecked) {
            cause = unchecked.getCause();
        }
        if (cause instanceof SopsException sops) {
            err.println(sops.describe());
            return sops.exitCode().code();
        }
        if (cause instanceof IOException io) {
            err.println("Error: " + describe(io));
            return ExitCode.GENERIC.code();
        }
        if (cause instanceof OutOfMemoryError) {
            err.println("Error: out of memory: the input is too large for the Java heap (raise it with -Xmx, "
                    + "for example SOPS4J_JAVA_OPTS=-Xmx4g)");
        } else if (cause instanceof StackOverflowError) {
            err.println("Error: the input is nested too deeply to be processed");
        } else {
            err.println("Error: unexpected internal failure (a bug in sops4j)"
                    + (verbose ? "; where it happened:" : "; run with --verbose to see where it happened"));
        }
        if (verbose) {
            printFrames(cause, err);
        }
        err.flush();
        return ExitCode.GENERIC.code();
    }

    /** An I/O failure as the operating system names it: the file and the reason. */
    static String describe(IOException error) {
        if (error instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + reason(error);
        }
        return reason(error);
    }

    /** Why an I/O operation failed, without the file it was about. */
    static String reason(IOException error) {
        if (error instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof FileSystemException fs) {
            return fs.getReason() == null ? "file system error" : fs.getReason();
        }
        return error.getMessage() == null ? "input/output error" : error.getMessage();
    }

    private static void printFrames(Throwable failure, PrintStream err) {
        String prefix = "  ";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            err.println(prefix + t.getClass().getName());
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println(prefix + "  at " + frame);
            }
            prefix = "  caused by ";
        }
    }
}
