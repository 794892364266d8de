package io.sops4j.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Standard input, output and error of one command-line run. */
record Streams(InputStream in, PrintStream out, PrintStream err) {

    static Streams system() {
        return new Streams(System.in, System.out, System.err);
    }
}
