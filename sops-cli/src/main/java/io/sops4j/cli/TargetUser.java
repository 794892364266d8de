package io.sops4j.cli;

import com.sun.security.auth.module.UnixSystem;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The account {@code --user} names. Upstream switches its own process with setgroups, setgid and
 * setuid before it runs the command; the JVM cannot, so the command starts under util-linux's
 * {@code setpriv} with the account's user, group and supplementary groups, and files the command
 * must read are handed to the account first.
 */
record TargetUser(String name, int uid, int gid, String home) {

    /** The account from the system's user database ({@code getent passwd}), as Go's {@code user.Lookup}. */
    static TargetUser lookup(String name) {
        if (new UnixSystem().getUid() != 0) {
            throw new SopsException(ExitCode.GENERIC, "Error: --user " + name + ": switching users needs root "
                    + "(setgroups: operation not permitted)");
        }
        String entry = passwdEntry(name);
        String[] fields = entry.split(":", -1);
        if (fields.length < 7 || !fields[0].equals(name)) {
            throw new SopsException(ExitCode.GENERIC, "user: unknown user " + name);
        }
        try {
            return new TargetUser(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), fields[5]);
        } catch (NumberFormatException e) {
            throw new SopsException(ExitCode.GENERIC, "user: unknown user " + name);
        }
    }

    private static String passwdEntry(String name) {
        try {
            Process getent = new ProcessBuilder("getent", "passwd", "--", name).redirectErrorStream(true).start();
            getent.getOutputStream().close();
            String output = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!getent.waitFor(30, TimeUnit.SECONDS) || getent.exitValue() != 0) {
                throw new SopsException(ExitCode.GENERIC, "user: unknown user " + name);
            }
            return output;
        } catch (IOException e) {
            throw new SopsException(ExitCode.GENERIC, "Error: --user needs the getent program to look up " + name
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SopsException(ExitCode.GENERIC, "Error: interrupted while looking up user " + name, e);
        }
    }

    /** {@code command} started as this account. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** {@code HOME}, {@code USER} and {@code LOGNAME} of this account. */
    void describeIn(Map<String, String> environment) {
        environment.put("HOME", home);
        environment.put("USER", name);
        environment.put("LOGNAME", name);
    }

    /** Hands {@code path} to this account, as if the account had created it. */
    void own(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            throw new SopsException(ExitCode.GENERIC, "Error: cannot hand " + path + " to user " + name + ": no POSIX owners here");
        }
        try {
            UserPrincipalLookupService principals = path.getFileSystem().getUserPrincipalLookupService();
            view.setOwner(principals.lookupPrincipalByName(name));
            view.setGroup(principals.lookupPrincipalByGroupName(Integer.toString(gid)));
        } catch (IOException e) {
            throw new SopsException(ExitCode.GENERIC, "Error: cannot hand " + path + " to user " + name + ": " + e.getMessage(), e);
        }
    }
}
