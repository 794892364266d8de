package io.sops4j.error;

import java.nio.file.Path;

/** No master key of the file could decrypt its data key (or enough Shamir shares). */
public class DataKeyException extends SopsException {

    /**
     * A failure with the default exit code of this kind.
     *
     * @param message what went wrong, naming no secret value
     */
    public DataKeyException(String message) {
        super(ExitCode.COULD_NOT_RETRIEVE_KEY, message);
    }

    /**
     * A failure with another exit code.
     *
     * @param exitCode the exit code upstream sops ends with for this failure
     * @param message what went wrong, naming no secret value
     */
    public DataKeyException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    /**
     * A failure at a key path, caused by {@code cause}.
     *
     * @param message what went wrong, naming no secret value
     * @param keyPath the key path inside the document, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public DataKeyException(String message, String keyPath, Throwable cause) {
        super(ExitCode.COULD_NOT_RETRIEVE_KEY, message, null, keyPath, cause);
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
    public DataKeyException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(exitCode, message, file, keyPath, cause);
    }
}
