package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs {@code /bin/sh -c command} with the standard streams of this process. */
final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * The command's exit code; 0 at once when {@code background}. Runs as {@code user} when given;
     * while sops waits, TERM and HUP sent to it are passed on ({@link SignalForwarding}).
     */
    static int run(String command, Map<String, String> environment, boolean background, Optional<TargetUser> user)
            throws InterruptedException {
        List<String> shell = List.of("/bin/sh", "-c", command);
        ProcessBuilder builder = new ProcessBuilder(user.map(u -> u.wrap(shell)).orElse(shell)).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (background) {
            start(builder, user);
            return 0;
        }
        try (SignalForwarding signals = new SignalForwarding()) {
            Process process = start(builder, user);
            signals.started(process);
            return process.waitFor();
        }
    }

    private static Process start(ProcessBuilder builder, Optional<TargetUser> user) {
        try {
            return builder.start();
        } catch (IOException e) {
            String switcher = user.isPresent() ? " (--user runs it through util-linux's setpriv)" : "";
            throw new SopsException(ExitCode.GENERIC, "Error running command" + switcher + ": " + e.getMessage(), e);
        }
    }
}
