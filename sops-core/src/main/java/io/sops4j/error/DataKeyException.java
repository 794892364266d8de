package io.sops4j.error;

import java.nio.file.Path;

/** No master key of the file could decrypt its data key (or enough Shamir shares). */
public class DataKeyException extends SopsException {

    public DataKeyException(String message) {
        super(ExitCode.COULD_NOT_RETRIEVE_KEY, message);
    }

    public DataKeyException(ExitCode exitCode, String message) {
        super(exitCode, message);
    }

    public DataKeyException(String message, String keyPath, Throwable cause) {
        super(ExitCode.COULD_NOT_RETRIEVE_KEY, message, null, keyPath, cause);
    }

    public DataKeyException(ExitCode exitCode, String message, Path file, String keyPath, Throwable cause) {
        super(exitCode, message, file, keyPath, cause);
    }
}
