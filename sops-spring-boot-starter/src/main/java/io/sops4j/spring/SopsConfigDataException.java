package io.sops4j.spring;

import io.sops4j.error.SopsException;
import org.springframework.boot.context.config.ConfigDataException;

/**
 * A SOPS import that stops the application: the file cannot be read or decrypted, or the
 * {@code sops.*} settings are wrong. The message names the file or property and the cause,
 * never a secret.
 */
public final class SopsConfigDataException extends ConfigDataException {

    enum Problem {
        KEY_MATERIAL_IN_PROPERTY,
        KEY_PATH_NOT_FOUND,
        UNSUPPORTED_LOCATION,
        INVALID_KEY_SERVICE,
        UNREADABLE,
        DECRYPTION_FAILED
    }

    private final Problem problem;
    private final String subject;

    private SopsConfigDataException(Problem problem, String subject, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.subject = subject;
    }

    static SopsConfigDataException keyMaterialInProperty(String property) {
        return new SopsConfigDataException(Problem.KEY_MATERIAL_IN_PROPERTY, property,
                "Property '" + property + "' holds secret key material; sops.* properties may only name files", null);
    }

    static SopsConfigDataException keyPathNotFound(String property, String path) {
        return new SopsConfigDataException(Problem.KEY_PATH_NOT_FOUND, property,
                "Property '" + property + "' names '" + path + "', which does not exist", null);
    }

    static SopsConfigDataException unsupportedLocation(String location) {
        return new SopsConfigDataException(Problem.UNSUPPORTED_LOCATION, location,
                "Unsupported SOPS location '" + location + "': use sops:classpath:<path>, sops:file:<path> or sops:<path>",
                null);
    }

    static SopsConfigDataException invalidKeyService(String property, String reason) {
        return new SopsConfigDataException(Problem.INVALID_KEY_SERVICE, property,
                "Property '" + property + "' names an unusable key service: " + reason, null);
    }

    static SopsConfigDataException unreadable(SopsConfigDataResource resource, Exception cause) {
        return new SopsConfigDataException(Problem.UNREADABLE, resource.path(),
                "Could not read SOPS file '" + resource.path() + "': " + cause.getMessage(), cause);
    }

    static SopsConfigDataException decryptionFailed(SopsConfigDataResource resource, SopsException cause) {
        return new SopsConfigDataException(Problem.DECRYPTION_FAILED, resource.path(),
                "Could not decrypt SOPS file '" + resource.path() + "': " + cause.getMessage(), cause);
    }

    Problem problem() {
        return problem;
    }

    /** The file (as {@code classpath:secrets.sops.yaml}), location or property the failure is about. */
    public String subject() {
        return subject;
    }

    /** The sops4j failure behind a decryption failure, or {@code null}. */
    public SopsException sopsException() {
        return getCause() instanceof SopsException e ? e : null;
    }
}
