package io.sops4j.cli;

import io.sops4j.keys.KeyEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code keyservice}: serves data-key wrapping and unwrapping with this machine's keys over gRPC until stopped. */
@Command(name = "keyservice", mixinStandardHelpOptions = true, description = "start a SOPS key service server")
final class KeyServiceCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Option(names = "--network", defaultValue = "tcp", description = "network to listen on, e.g. 'tcp' or 'unix'")
    String network;

    @Option(names = "--address", defaultValue = "127.0.0.1:5000", description = "address to listen on, e.g. '127.0.0.1:5000' or '/tmp/sops.sock'")
    String address;

    @Option(names = "--prompt", description = "Prompt user to confirm every incoming request")
    boolean prompt;

    @Override
    public Integer call() throws Exception {
        AutoCloseable server = RemoteKeyServices.serve(network, address, KeyEnvironment.system(),
                prompt ? new TerminalApproval(global.streams.in(), global.streams.out()) : null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            }
            stopped.countDown();
        }, "sops-keyservice-stop"));
        global.streams.err().println("Listening on " + RemoteKeyServices.uri(server));
        stopped.await();
        return 0;
    }

    /** Upstream's {@code --prompt}: asks y/n for each request; anything else asks again, end of input declines. */
    static final class TerminalApproval implements BiPredicate<String, String> {

        private final BufferedReader in;
        private final PrintStream out;

        TerminalApproval(java.io.InputStream in, PrintStream out) {
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.out = out;
        }

        @Override
        public synchronized boolean test(String request, String key) {
            try {
                while (true) {
                    out.print("\nReceived " + request + " request using " + key + ". Respond to request? (y/n): ");
                    out.flush();
                    String answer = in.readLine();
                    if (answer == null) {
                        return false;
                    }
                    if (answer.strip().equals("y")) {
                        return true;
                    }
                    if (answer.strip().equals("n")) {
                        return false;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
