package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code exec-file}: writes the decrypted file to a FIFO (or, with {@code --no-fifo}, a 0600 file)
 * in a fresh private directory, runs the command with {@code {}} replaced by its path, then
 * removes the directory. Without a {@code mkfifo} program the command fails and names {@code --no-fifo}.
 */
@Command(name = "exec-file", mixinStandardHelpOptions = true, description = "execute a command with the decrypted contents as a temporary file")
final class ExecFileCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    TypeOptions types;

    @Mixin
    DecryptFlags decryptFlags;

    @Mixin
    ExecOptions exec;

    @Option(names = "--no-fifo", description = "use a regular file instead of a fifo to temporarily hold the decrypted contents")
    boolean noFifo;

    @Option(names = "--filename", description = "filename for the temporarily file (default: tmp-file)", defaultValue = "tmp-file")
    String filename;

    @Override
    public Integer call() throws Exception {
        exec.requireFileAndCommand("exec-file");
        Optional<TargetUser> user = exec.targetUser();
        Path relative = Path.of(filename).normalize();
        if (filename.isEmpty() || relative.isAbsolute() || relative.startsWith("..") || relative.toString().isEmpty()) {
            throw new SopsException(ExitCode.GENERIC, "Error: --filename must be a local path inside the temporary directory: " + filename);
        }
        byte[] plaintext;
        DecryptedFile decrypted = CliSupport.decrypt(decryptFlags.sops(global), exec.file, types.input(exec.file));
        try (decrypted) {
            plaintext = decrypted.toBytes(types.output(exec.file));
        }
        Path directory = PrivateFiles.createDirectory(".sops");
        try {
            Path target = directory.resolve(relative);
            Files.createDirectories(target.getParent());
            Map<String, String> environment = new HashMap<>(System.getenv());
            user.ifPresent(u -> u.describeIn(environment));
            String expanded = exec.command.replace("{}", target.toString());
            if (noFifo) {
                PrivateFiles.write(target, plaintext);
            } else {
                makeFifo(target);
            }
            user.ifPresent(u -> handOver(u, directory, target));
            if (!noFifo) {
                feedFifo(target, plaintext);
            }
            return ChildProcess.run(expanded, environment, exec.background, user);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            if (!exec.background) {
                PrivateFiles.deleteTree(directory);
            }
        }
    }

    /** The directory, the folders below it and the file, as upstream creates them after switching user. */
    private static void handOver(TargetUser user, Path directory, Path target) {
        for (Path path = target; path.startsWith(directory); path = path.getParent()) {
            user.own(path);
            if (path.equals(directory)) {
                break;
            }
        }
    }

    /** Writes into the FIFO from a thread of its own: opening it blocks until the command reads. */
    private static void feedFifo(Path fifo, byte[] plaintext) {
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(plaintext);
            } catch (IOException ignored) {
                // the reader went away; nothing is left to deliver
            }
        }, "exec-file-fifo");
        writer.setDaemon(true);
        writer.start();
    }

    private static void makeFifo(Path target) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", "-m", "600", target.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SopsException(ExitCode.GENERIC, "Error: cannot create a FIFO (no mkfifo program: " + e.getMessage()
                    + "); use --no-fifo to use a temporary regular file instead", e);
        }
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new SopsException(ExitCode.GENERIC, "Error: mkfifo failed; use --no-fifo to use a temporary regular file instead");
        }
    }
}
