package io.sops4j.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a command runs, TERM and HUP sent to sops reach the command and everything it started,
 * and sops stays until the command ends, as upstream forwards signals to its command (a HUP asking
 * a server to reload must not end sops and leave the server behind). INT is left alone: the
 * command shares the terminal's process group and receives a Ctrl-C itself. Installed before the
 * command starts, so that a signal arriving in between is passed on once it has.
 */
final class SignalForwarding implements AutoCloseable {

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final List<String> pending = new ArrayList<>();
    private Process command;

    SignalForwarding() {
        install("TERM", this::forward);
        install("HUP", this::forward);
        install("INT", signal -> { });
    }

    /** Signals the platform does not have (HUP on Windows) or the JVM keeps for itself are left as they are. */
    private void install(String name, SignalHandler handler) {
        try {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, handler));
        } catch (IllegalArgumentException unavailable) {
            // nothing to forward on this platform
        }
    }

    synchronized void started(Process process) {
        command = process;
        pending.forEach(this::send);
        pending.clear();
    }

    private synchronized void forward(Signal signal) {
        if (command == null) {
            pending.add(signal.getName());
        } else {
            send(signal.getName());
        }
    }

    /** TERM through the JDK; HUP, which the JDK cannot send, through the shell's {@code kill}. */
    private void send(String signal) {
        List<ProcessHandle> targets = Stream.concat(command.descendants(), Stream.of(command.toHandle())).toList();
        if (signal.equals("TERM")) {
            targets.forEach(ProcessHandle::destroy);
            return;
        }
        List<String> kill = new ArrayList<>(List.of("/bin/sh", "-c", "kill -s " + signal + " \"$@\"", "kill"));
        targets.forEach(target -> kill.add(Long.toString(target.pid())));
        try {
            new ProcessBuilder(kill).inheritIO().start();
        } catch (IOException e) {
            System.err.println("sops: could not pass " + signal + " on to the command: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
