package io.sops4j.cli;

public final class SopsCommand {

    private SopsCommand() {
    }

    public static void main(String[] args) {
        System.err.println("not implemented yet");
        System.exit(1);
    }
}
