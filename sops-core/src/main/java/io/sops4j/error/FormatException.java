package io.sops4j.error;

import java.nio.file.Path;

/** The input is not a valid document of its format, or its metadata is malformed. */
public class FormatException extends SopsException {

    /**
     * A failure with the default exit code of this kind.
     *
     * @param message what went wrong, naming no secret value
     */
    public FormatException(String message) {
        super(ExitCode.GENERIC, message);
    }

    /**
     * A failure with another exit code.
     *
     * @param exitCode the exit code upstream sops ends with for this failure
     * @param message what went wrong, naming no secret value
     */
    public FormatException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    /**
     * A failure at a key path, caused by {@code cause}.
     *
     * @param message what went wrong, naming no secret value
     * @param keyPath the key path inside the document, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public FormatException(String message, String keyPath, Throwable cause) {
        super(ExitCode.GENERIC, message, null, keyPath, cause);
    }

    /**
     * A failure naming the file and key path, either may be {@code null}.
     *
     * @param exitCode the exit code upstream sops ends with for this failure
     * @param message what went wrong, naming no secret value
     * @param file the file, or {@code null} when the input did not come from a file
     * @param keyPath the key path inside the document, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public FormatException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(exitCode, message, file, keyPath, cause);
    }
}
