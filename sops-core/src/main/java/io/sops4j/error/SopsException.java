package io.sops4j.error;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Every failure of sops4j. It carries upstream's exit code and, where known, the file and the key
 * path involved. Messages never contain secret values or decrypted plaintext.
 */
public class SopsException extends RuntimeException {

    private final ExitCode exitCode;
    private Path file;
    private final String keyPath;

    /**
     * A failure with another exit code.
     *
     * @param exitCode the exit code upstream sops ends with for this failure
     * @param message what went wrong, naming no secret value
     */
    public SopsException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null, null);
    }

    /**
     * A failure caused by {@code cause}.
     *
     * @param exitCode the exit code upstream sops ends with for this failure
     * @param message what went wrong, naming no secret value
     * @param cause the underlying failure, or {@code null}
     */
    public SopsException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, null, null, cause);
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
    public SopsException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
        this.file = file;
        this.keyPath = keyPath;
    }

    /**
     * The exit code upstream sops ends with for this failure.
     *
     * @return the exit code upstream sops ends with for this failure
     */
    public ExitCode exitCode() {
        return exitCode;
    }

    /**
     * The file being processed, or {@code null} when the input did not come from a file.
     *
     * @return the file being processed, or {@code null} when the input did not come from a file
     */
    public Path file() {
        return file;
    }

    /**
     * The key path inside the document (such as {@code app:db:password}), or {@code null}.
     *
     * @return the key path inside the document (such as {@code app:db:password}), or {@code null}
     */
    public String keyPath() {
        return keyPath;
    }

    /**
     * Attributes this error to {@code file} unless it already names one; returns this.
     *
     * @param file the file, or {@code null} when the input did not come from a file
     * @return this exception
     */
    public SopsException inFile(Path file) {
        if (this.file == null) {
            this.file = file;
        }
        return this;
    }

    /**
     * The message with the file before it and the key path after it, as printed to a user.
     *
     * @return the message with the file before it and the key path after it, as printed to a user
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file).append(": ");
        }
        text.append(getMessage());
        if (keyPath != null && !keyPath.isEmpty()) {
            text.append(" (at key '").append(keyPath).append("')");
        }
        return text.toString();
    }
}
