package io.sops4j.keys.age;

import io.sops4j.internal.files.SafeFileWriter;
import io.sops4j.keys.KeyEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Finds age identities where upstream sops looks for them: SSH keys
 * ({@code SOPS_AGE_SSH_PRIVATE_KEY_FILE}, {@code SOPS_AGE_SSH_PRIVATE_KEY_CMD}, {@code ~/.ssh/id_ed25519},
 * {@code ~/.ssh/id_rsa}), then {@code SOPS_AGE_KEY}, {@code SOPS_AGE_KEY_FILE}, {@code SOPS_AGE_KEY_CMD}
 * and {@code <user config dir>/sops/age/keys.txt}, where age plugin identities
 * ({@code AGE-PLUGIN-NAME-1...}) may stand beside native ones. A location that fails is recorded and
 * the others are still used, as upstream does.
 */
final class IdentityDiscovery {

    static final String SSH_KEY_FILE = "SOPS_AGE_SSH_PRIVATE_KEY_FILE";
    static final String SSH_KEY_CMD = "SOPS_AGE_SSH_PRIVATE_KEY_CMD";
    static final String KEY = "SOPS_AGE_KEY";
    static final String KEY_FILE = "SOPS_AGE_KEY_FILE";
    static final String KEY_CMD = "SOPS_AGE_KEY_CMD";
    static final String RECIPIENT = "SOPS_AGE_RECIPIENT";
    static final String USER_CONFIG_PATH = "sops/age/keys.txt";

    enum Os {
        LINUX, MAC, WINDOWS;

        static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return name.startsWith("mac") || name.startsWith("darwin") ? MAC : name.startsWith("windows") ? WINDOWS : LINUX;
        }
    }

    /** What was found: identities in discovery order, locations without keys, and load errors. */
    record Found(List<Identity> identities, List<String> unusedLocations, List<String> errors) {
    }

    private final KeyEnvironment environment;
    private final Os os;
    private final PluginHost pluginHost;
    private final List<Identity> identities = new ArrayList<>();
    private final List<String> unused = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private IdentityDiscovery(KeyEnvironment environment, Os os, PluginHost pluginHost) {
        this.environment = environment;
        this.os = os;
        this.pluginHost = pluginHost;
    }

    static Found discover(KeyEnvironment environment, String recipient) {
        return discover(environment, recipient, Os.current());
    }

    static Found discover(KeyEnvironment environment, String recipient, Os os) {
        return discover(environment, recipient, os, PluginHost.terminal(environment));
    }

    /** The identities; age plugin identities among them run their plugin on {@code pluginHost}. */
    static Found discover(KeyEnvironment environment, String recipient, Os os, PluginHost pluginHost) {
        IdentityDiscovery discovery = new IdentityDiscovery(environment, os, pluginHost);
        discovery.run(recipient);
        return new Found(List.copyOf(discovery.identities), List.copyOf(discovery.unused), List.copyOf(discovery.errors));
    }

    private String lookup(String name) {
        return environment.variables().get(name);
    }

    private void run(String recipient) {
        sshIdentities(recipient);
        int sshCount = identities.size();
        List<String[]> texts = new ArrayList<>();

        String key = lookup(KEY);
        if (key != null) {
            texts.add(new String[] {KEY, key});
        } else {
            unused.add(KEY);
        }

        String keyFile = lookup(KEY_FILE);
        if (keyFile != null) {
            try {
                texts.add(new String[] {KEY_FILE, Files.readString(Path.of(keyFile), StandardCharsets.UTF_8)});
            } catch (IOException | RuntimeException e) {
                errors.add("failed to open " + KEY_FILE + " file " + keyFile + ": " + reason(e));
            }
        } else {
            unused.add(KEY_FILE);
        }

        String keyCmd = lookup(KEY_CMD);
        if (keyCmd != null) {
            String output = runCommand(keyCmd, KEY_CMD, recipient);
            if (output != null) {
                texts.add(new String[] {KEY_CMD, output});
            }
        } else {
            unused.add(KEY_CMD);
        }

        Path configDir = null;
        try {
            configDir = userConfigDir();
        } catch (IllegalStateException e) {
            if (texts.isEmpty() && sshCount == 0) {
                errors.add("user config directory could not be determined: " + e.getMessage());
            }
        }
        if (configDir != null) {
            Path defaultFile = configDir.resolve(USER_CONFIG_PATH);
            try {
                texts.add(new String[] {defaultFile.toString(), Files.readString(defaultFile, StandardCharsets.UTF_8)});
            } catch (NoSuchFileException e) {
                if (texts.isEmpty() && sshCount == 0) {
                    unused.add(defaultFile.toString());
                }
            } catch (IOException e) {
                errors.add("failed to open file " + defaultFile + ": " + reason(e));
            }
        }

        for (String[] text : texts) {
            String location = text[0];
            try {
                List<Identity> parsed = EncryptedIdentityFile.isEncrypted(text[1])
                        ? List.of(new EncryptedIdentityFile(text[1].getBytes(StandardCharsets.UTF_8), location, null))
                        : IdentityText.parse(location.equals(KEY) ? oneIdentityPerLine(text[1]) : text[1], location, pluginHost);
                identities.addAll(parsed);
                if (parsed.isEmpty()) {
                    unused.add(location);
                }
            } catch (IllegalArgumentException e) {
                errors.add("failed to parse identities from " + location + ": " + e.getMessage());
            }
        }
    }

    /** {@code SOPS_AGE_KEY} may hold several whitespace-separated identities on one line. */
    private static String oneIdentityPerLine(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            out.append(trimmed.startsWith("#") ? trimmed : String.join("\n", trimmed.split("\\s+"))).append('\n');
        }
        return out.toString();
    }

    private void sshIdentities(String recipient) {
        String file = lookup(SSH_KEY_FILE);
        if (file != null) {
            sshKeyFile(Path.of(file));
        } else {
            unused.add(SSH_KEY_FILE);
        }
        String cmd = lookup(SSH_KEY_CMD);
        if (cmd != null) {
            String output = runCommand(cmd, SSH_KEY_CMD, recipient);
            if (output != null) {
                try {
                    identities.add(SshKeys.parseIdentity(output, SSH_KEY_CMD));
                } catch (IllegalArgumentException e) {
                    errors.add(e.getMessage());
                }
            }
        } else {
            unused.add(SSH_KEY_CMD);
        }
        Path home = environment.home();
        for (String name : List.of("id_ed25519", "id_rsa")) {
            Path path = home.resolve(".ssh").resolve(name);
            if (Files.exists(path)) {
                sshKeyFile(path);
            } else {
                unused.add(path.toString());
            }
        }
    }

    private void sshKeyFile(Path path) {
        try {
            identities.add(SshKeys.parseIdentity(Files.readString(path, StandardCharsets.UTF_8), path.toString()));
        } catch (IOException e) {
            errors.add("failed to read SSH private key " + path + ": " + reason(e));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
    }

    private String runCommand(String commandLine, String variable, String recipient) {
        List<String> args;
        try {
            args = CommandLine.split(commandLine);
        } catch (IllegalArgumentException e) {
            errors.add("failed to parse command " + commandLine + " from " + variable + ": " + e.getMessage());
            return null;
        }
        if (args.isEmpty()) {
            errors.add("failed to parse command from " + variable + ": it is empty");
            return null;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT);
            Map<String, String> childEnvironment = builder.environment();
            childEnvironment.clear();
            childEnvironment.putAll(environment.variables());
            childEnvironment.put(RECIPIENT, recipient);
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            int exit = process.waitFor();
            byte[] out = output.join();
            if (exit != 0) {
                errors.add("failed to execute command " + commandLine + " from " + variable + ": exit status " + exit);
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add("failed to execute command " + commandLine + " from " + variable + ": " + reason(e));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("interrupted while running command from " + variable);
            return null;
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Go's {@code os.UserConfigDir}, with sops's macOS exception for {@code XDG_CONFIG_HOME}. */
    Path userConfigDir() {
        String xdg = environment.get("XDG_CONFIG_HOME").orElse(null);
        switch (os) {
            case WINDOWS -> {
                String appData = environment.get("AppData").or(() -> environment.get("APPDATA")).orElse(null);
                if (appData == null) {
                    throw new IllegalStateException("%AppData% is not defined");
                }
                return Path.of(appData);
            }
            case MAC -> {
                return xdg != null ? Path.of(xdg) : environment.home().resolve("Library").resolve("Application Support");
            }
            default -> {
                if (xdg != null) {
                    if (!Path.of(xdg).isAbsolute()) {
                        throw new IllegalStateException("path in $XDG_CONFIG_HOME is relative");
                    }
                    return Path.of(xdg);
                }
                return environment.home().resolve(".config");
            }
        }
    }

    /** Why a file could not be read, in the words of the system ({@code is a directory}), without Java class names. */
    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String text = e instanceof IOException io ? SafeFileWriter.reason(io) : e.getMessage();
        if (text == null || text.isBlank() || text.equals("null")) {
            return "it could not be read";
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
