package io.sops4j.cli;

import io.sops4j.ExitCode;
import io.sops4j.SopsException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Runs {@code /bin/sh -c command} with the standard streams of this process. */
final class ChildProcess {

    private ChildProcess() {
    }

    static void rejectUser(String user) {
        if (user != null && !user.isEmpty()) {
            throw new SopsException(ExitCode.GENERIC, "Error: --user is not supported by sops4j (the JVM cannot switch "
                    + "users); run sops4j itself as that user, for example with sudo -u " + user);
        }
    }

    /** The command's exit code; 0 at once when {@code background}. */
    static int run(String command, Map<String, String> environment, boolean background) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", command)).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SopsException(ExitCode.GENERIC, "Error running command: " + e.getMessage(), e);
        }
        if (background) {
            return 0;
        }
        return process.waitFor();
    }
}
