package io.sops4j.error;

import java.nio.file.Path;

/** No master key of the file could decrypt its data key (or enough Shamir shares). */
public class DataKeyException extends SopsException {

    /** A failure with the default exit code of this kind. */
    public DataKeyException(String message) {
        super(ExitCode.COULD_NOT_RETRIEVE_KEY, message);
    }

    /** A failure with another exit code. */
    public DataKeyException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    /** A failure at a key path, caused by {@code cause}. */
    public DataKeyException(String message, String keyPath, Throwable cause) {
        super(ExitCode.COULD_NOT_RETRIEVE_KEY, message, null, keyPath, cause);
    }

    /** A failure naming the file and key path, either may be {@code null}. */
    public DataKeyException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(exitCode, message, file, keyPath, cause);
    }
}
