package io.sops4j.error;

import java.nio.file.Path;

/** The input is not a valid document of its format, or its metadata is malformed. */
public class FormatException extends SopsException {

    public FormatException(String message) {
        super(ExitCode.GENERIC, message);
    }

    public FormatException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public FormatException(String message, String keyPath, Throwable cause) {
        super(ExitCode.GENERIC, message, null, keyPath, cause);
    }

    public FormatException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(exitCode, message, file, keyPath, cause);
    }
}
