package io.sops4j.error;

import java.nio.file.Path;

/** The MAC of a file does not match its content, or cannot be decrypted. */
public class MacMismatchException extends SopsException {

    /** A failure with the default exit code of this kind. */
    public MacMismatchException(String message) {
        super(ExitCode.MAC_MISMATCH, message);
    }

    /** A failure with another exit code. */
    public MacMismatchException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    /** A failure at a key path, caused by {@code cause}. */
    public MacMismatchException(String message, String keyPath, Throwable cause) {
        super(ExitCode.MAC_MISMATCH, message, null, keyPath, cause);
    }

    /** A failure naming the file and key path, either may be {@code null}. */
    public MacMismatchException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(exitCode, message, file, keyPath, cause);
    }
}
