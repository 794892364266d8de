package io.sops4j.spring;

import io.sops4j.error.SopsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a failed SOPS import: which file or property, why, and what to do about it. */
class SopsFailureAnalyzer extends AbstractFailureAnalyzer<SopsConfigDataException> {

    private static final String KEY_HELP = "Make a key that can decrypt the file available to the application: "
            + "point SOPS_AGE_KEY_FILE or the property " + KeySettings.AGE_KEY_FILE + " at an age identity file, "
            + "set SOPS_AGE_KEY in the process environment, or point GNUPGHOME or the property "
            + KeySettings.GNUPG_HOME + " at a GnuPG home holding the PGP key. The file's sops metadata "
            + "lists the recipients it was encrypted to.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SopsConfigDataException cause) {
        return new FailureAnalysis(description(cause), action(cause), cause);
    }

    private static String description(SopsConfigDataException cause) {
        return switch (cause.problem()) {
            case KEY_MATERIAL_IN_PROPERTY -> "The property '" + cause.subject()
                    + "' holds secret key material (its value is not shown). SOPS keys never go into Spring properties.";
            case KEY_PATH_NOT_FOUND, UNSUPPORTED_LOCATION, INVALID_KEY_SERVICE -> cause.getMessage() + ".";
            case UNREADABLE, DECRYPTION_FAILED -> "The SOPS file '" + cause.subject() + "' could not be "
                    + (cause.problem() == SopsConfigDataException.Problem.UNREADABLE ? "read" : "decrypted")
                    + ":\n\n    " + causeText(cause);
        };
    }

    private static String causeText(SopsConfigDataException cause) {
        Throwable reason = cause.getCause();
        if (reason instanceof SopsException e) {
            String text = e.getMessage();
            if (e.keyPath() != null) {
                text += " (at " + e.keyPath() + ")";
            }
            return text;
        }
        return reason == null ? cause.getMessage() : reason.getMessage();
    }

    private static String action(SopsConfigDataException cause) {
        return switch (cause.problem()) {
            case KEY_MATERIAL_IN_PROPERTY -> "Remove '" + cause.subject() + "' and rotate that key if the value was "
                    + "committed or shared. Keep the key in a file and point " + KeySettings.AGE_KEY_FILE
                    + " (or SOPS_AGE_KEY_FILE) at it, or pass it through the SOPS_AGE_KEY environment variable.";
            case KEY_PATH_NOT_FOUND -> "Create the file or directory, or correct the property '" + cause.subject() + "'.";
            case UNSUPPORTED_LOCATION -> "Use a location such as 'sops:classpath:secrets.sops.yaml' or "
                    + "'sops:file:./config/secrets.sops.yaml'; prefix it with 'optional:' if the file may be absent.";
            case INVALID_KEY_SERVICE -> "Name key services as tcp://host:port or unix:///path in '" + cause.subject()
                    + "', with io.sops4j:sops-keyservice on the class path.";
            case UNREADABLE -> "Check that '" + cause.subject() + "' is a readable file.";
            case DECRYPTION_FAILED -> decryptionAction(cause);
        };
    }

    private static String decryptionAction(SopsConfigDataException cause) {
        SopsException sops = cause.sopsException();
        return switch (sops.exitCode()) {
            case COULD_NOT_RETRIEVE_KEY, NO_ENCRYPTION_KEY_FOUND -> KEY_HELP;
            case MAC_MISMATCH, MAC_NOT_FOUND, ERROR_DECRYPTING_MAC, ERROR_DECRYPTING_TREE ->
                    "The file was changed without sops or is damaged, so it is not trusted. Restore '"
                    + cause.subject() + "' from version control, and change it only with 'sops edit' or 'sops set'. "
                    + "An 'optional:' import does not skip a file that exists but fails verification.";
            default -> "Check that '" + cause.subject() + "' is a file encrypted with sops, in the format its "
                    + "name says (.yaml, .json, .env, .ini, anything else binary), or give the format with a hint "
                    + "such as 'sops:file:./secrets[.yaml]'.";
        };
    }
}
