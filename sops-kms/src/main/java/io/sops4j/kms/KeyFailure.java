package io.sops4j.kms;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.ExitCode;

/**
 * Errors shared by the cloud key sources: each names the key and the cause, never key material.
 */
public final class KeyFailure {

    private KeyFailure() {
    }

    /** A failed encrypt or decrypt call of {@code keyDescription}, such as {@code AWS KMS key arn:…}. */
    public static DataKeyException of(String keyDescription, String operation, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new DataKeyException(ExitCode.COULD_NOT_RETRIEVE_KEY,
                "failed to " + operation + " with " + keyDescription + ": " + reason, null, null, cause);
    }

    public static DataKeyException of(String keyDescription, String operation, String reason) {
        return new DataKeyException("failed to " + operation + " with " + keyDescription + ": " + reason);
    }

    /**
     * Fails unless {@code sdkClass} can be loaded, naming the Maven artifacts to add. Key sources
     * call this before touching any class that links against the SDK.
     */
    public static void requireSdk(String sdkClass, String keyDescription, String... artifacts) {
        try {
            Class.forName(sdkClass, false, KeyFailure.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DataKeyException("cannot use " + keyDescription + ": its SDK is not on the class path; add the "
                    + "dependenc" + (artifacts.length == 1 ? "y " : "ies ") + String.join(" and ", artifacts));
        }
    }
}
