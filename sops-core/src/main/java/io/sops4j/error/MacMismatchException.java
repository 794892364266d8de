package io.sops4j.error;

import java.nio.file.Path;

/** The MAC of a file does not match its content, or cannot be decrypted. */
public class MacMismatchException extends SopsException {

    public MacMismatchException(String message) {
        super(ExitCode.MAC_MISMATCH, message);
    }

    public MacMismatchException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public MacMismatchException(String message, String keyPath, Throwable cause) {
        super(ExitCode.MAC_MISMATCH, message, null, keyPath, cause);
    }

    public MacMismatchException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(exitCode, message, file, keyPath, cause);
    }
}
