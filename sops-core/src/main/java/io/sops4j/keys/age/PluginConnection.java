package io.sops4j.keys.age;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code age-plugin-NAME --age-plugin=STATE_MACHINE}: stanzas written to its standard
 * input and read from its standard output, its standard error passed through. Every step is
 * bounded by the host's timeout; a failed run stops the plugin. Failures are {@link AgeFailure}s
 * of kind {@code PLUGIN} that name the plugin, never a file key.
 */
final class PluginConnection implements AutoCloseable {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_BODY = 1024 * 1024;
    private static final int BODY_LINE = 64;
    private static final long WAITING_NOTICE_SECONDS = 5;
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final String name;
    private final PluginHost host;
    private final Process process;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean timedOut;
    private boolean finished;

    private PluginConnection(String name, PluginHost host, Process process) {
        this(name, host, process, process.getInputStream(), process.getOutputStream());
    }

    /** The protocol over streams without a process: what a plugin would read and write. */
    PluginConnection(String name, PluginHost host, InputStream fromPlugin, OutputStream toPlugin) {
        this(name, host, null, fromPlugin, toPlugin);
    }

    private PluginConnection(String name, PluginHost host, Process process, InputStream fromPlugin, OutputStream toPlugin) {
        this.name = name;
        this.host = host;
        this.process = process;
        this.in = new BufferedInputStream(fromPlugin);
        this.out = toPlugin;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "age-plugin-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.setRemoveOnCancelPolicy(true);
        watchdog.setKeepAliveTime(10, TimeUnit.SECONDS);
        watchdog.allowCoreThreadTimeOut(true);
        return watchdog;
    }

    static PluginConnection open(String name, String stateMachine, PluginHost host) {
        Path executable = find("age-plugin-" + name, host.environment().variables());
        if (executable == null) {
            throw failure(name, "couldn't start plugin: exec: \"age-plugin-" + name + "\": executable file not found in $PATH");
        }
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "--age-plugin=" + stateMachine)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .directory(new File(System.getProperty("java.io.tmpdir")));
        builder.environment().clear();
        builder.environment().putAll(host.environment().variables());
        try {
            return new PluginConnection(name, host, builder.start());
        } catch (IOException e) {
            throw failure(name, "couldn't start plugin: " + e.getMessage());
        }
    }

    /** The executable {@code file} in a directory of {@code PATH}, or null. */
    private static Path find(String file, Map<String, String> variables) {
        String path = variables.get("PATH");
        if (path == null) {
            return null;
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        for (String dir : path.split(File.pathSeparator, -1)) {
            if (dir.isEmpty() || !Path.of(dir).isAbsolute()) {
                continue;
            }
            for (String candidate : windows ? List.of(file + ".exe", file + ".bat", file + ".cmd") : List.of(file)) {
                Path executable = Path.of(dir, candidate);
                if (Files.isRegularFile(executable) && Files.isExecutable(executable)) {
                    return executable;
                }
            }
        }
        return null;
    }

    static AgeFailure failure(String name, String message) {
        return new AgeFailure(AgeFailure.Kind.PLUGIN, name + " plugin: " + message);
    }

    AgeFailure failure(String message) {
        return failure(name, message);
    }

    void write(String type, List<String> args, byte[] body) {
        StringBuilder text = new StringBuilder();
        new Stanza(type, args, body).appendTo(text);
        ScheduledFuture<?> deadline = arm();
        try {
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw ended("could not write to the plugin: " + e.getMessage());
        } finally {
            deadline.cancel(false);
        }
    }

    void write(String type, String... args) {
        write(type, Arrays.asList(args), new byte[0]);
    }

    Stanza read() {
        ScheduledFuture<?> deadline = arm();
        ScheduledFuture<?> notice = WATCHDOG.schedule(() -> host.ui().waiting(name), WAITING_NOTICE_SECONDS, TimeUnit.SECONDS);
        try {
            String line = readLine();
            String[] parts = line.split(" ", -1);
            if (parts.length < 2 || !parts[0].equals("->")) {
                throw failure("invalid response from the plugin: malformed stanza opening line");
            }
            for (int i = 1; i < parts.length; i++) {
                if (!Header.isValidArgument(parts[i])) {
                    throw failure("invalid response from the plugin: malformed stanza argument");
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String bodyLine = readLine();
                byte[] decoded = bodyLine.length() > BODY_LINE ? null : AgeCrypto.decodeRawBase64(bodyLine);
                if (decoded == null) {
                    throw failure("invalid response from the plugin: malformed stanza body");
                }
                body.writeBytes(decoded);
                if (body.size() > MAX_BODY) {
                    throw failure("invalid response from the plugin: stanza body too long");
                }
                if (bodyLine.length() < BODY_LINE) {
                    break;
                }
            }
            return new Stanza(parts[1], Arrays.asList(parts).subList(2, parts.length), body.toByteArray());
        } catch (IOException e) {
            throw ended("could not read from the plugin: " + e.getMessage());
        } finally {
            deadline.cancel(false);
            notice.cancel(false);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw ended("the plugin ended before the protocol did");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw failure("invalid response from the plugin: line too long");
            }
            line.write(b);
        }
    }

    private ScheduledFuture<?> arm() {
        return WATCHDOG.schedule(() -> {
            timedOut = true;
            kill();
        }, host.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The failure for a plugin that stopped talking: its timeout or exit status when known. */
    private AgeFailure ended(String fallback) {
        if (timedOut) {
            return failure("no response from the plugin within " + host.timeout().toSeconds() + " s; it was stopped");
        }
        if (process == null) {
            return failure(fallback);
        }
        try {
            if (process.waitFor(2, TimeUnit.SECONDS) && process.exitValue() != 0) {
                return failure("the plugin failed with exit status " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return failure(fallback);
    }

    /** The protocol ended as it should: the plugin is let go and may exit on its own. */
    void finish() {
        finished = true;
    }

    private void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the plugin has gone already
        }
        try {
            if (process == null) {
                return;
            }
            if (!finished || !process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // nothing more to read
            }
        }
    }
}
