package io.sops4j.error;

/** A path given to remove a value does not exist in the document (exit code 1, as upstream). */
public class KeyNotFoundException extends SopsException {

    /**
     * A failure with the default exit code of this kind.
     *
     * @param message what went wrong, naming no secret value
     */
    public KeyNotFoundException(String message) {
        super(ExitCode.GENERIC, message);
    }
}
