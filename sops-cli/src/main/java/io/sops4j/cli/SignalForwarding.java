package io.sops4j.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a command runs, a TERM sent to sops reaches the command and everything it started, and
 * sops stays until the command ends, as upstream forwards signals to its command. INT is left
 * alone: the command shares the terminal's process group and receives a Ctrl-C itself. Installed
 * before the command starts, so that a TERM arriving in between is passed on once it has.
 */
final class SignalForwarding implements AutoCloseable {

    private static final Signal TERM = new Signal("TERM");
    private static final Signal INT = new Signal("INT");

    private final SignalHandler previousTerm;
    private final SignalHandler previousInt;
    private Process command;
    private boolean termPending;

    SignalForwarding() {
        previousTerm = Signal.handle(TERM, signal -> terminate());
        previousInt = Signal.handle(INT, signal -> { });
    }

    synchronized void started(Process process) {
        command = process;
        if (termPending) {
            terminate();
        }
    }

    private synchronized void terminate() {
        if (command == null) {
            termPending = true;
            return;
        }
        command.descendants().forEach(ProcessHandle::destroy);
        command.destroy();
    }

    @Override
    public void close() {
        Signal.handle(TERM, previousTerm);
        Signal.handle(INT, previousInt);
    }
}
