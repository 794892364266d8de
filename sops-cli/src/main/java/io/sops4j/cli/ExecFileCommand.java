package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.ExitCode;
import io.sops4j.SopsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Option(names = "--background", description = "background the process and don't wait for it to complete (DEPRECATED)")
    boolean background;

    @Option(names = "--no-fifo", description = "use a regular file instead of a fifo to temporarily hold the decrypted contents")
    boolean noFifo;

    @Option(names = "--user", description = "the user to run the command as (not supported by sops4j)")
    String user;

    @Option(names = "--filename", description = "filename for the temporarily file (default: tmp-file)", defaultValue = "tmp-file")
    String filename;

    @Parameters(index = "0", arity = "0..1", paramLabel = "file")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "command")
    String command;

    @Override
    public Integer call() throws Exception {
        if (file == null || command == null) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: exec-file needs a file and a command");
        }
        ChildProcess.rejectUser(user);
        Path relative = Path.of(filename).normalize();
        if (filename.isEmpty() || relative.isAbsolute() || relative.startsWith("..") || relative.toString().isEmpty()) {
            throw new SopsException(ExitCode.GENERIC, "Error: --filename must be a local path inside the temporary directory: " + filename);
        }
        byte[] plaintext;
        DecryptedFile decrypted = CliSupport.decrypt(decryptFlags.sops(global), file, types.input(file));
        try {
            plaintext = decrypted.toBytes(types.output(file), CliSupport.storeOptions(global));
        } finally {
            decrypted.forgetDataKey();
        }
        Path directory = PrivateFiles.createDirectory(".sops");
        try {
            Path target = directory.resolve(relative);
            Files.createDirectories(target.getParent());
            Map<String, String> environment = new HashMap<>(System.getenv());
            String expanded = command.replace("{}", target.toString());
            if (noFifo) {
                PrivateFiles.write(target, plaintext);
                return ChildProcess.run(expanded, environment, background);
            }
            makeFifo(target);
            Thread writer = new Thread(() -> {
                try (OutputStream out = Files.newOutputStream(target)) {
                    out.write(plaintext);
                } catch (IOException ignored) {
                    // the reader went away; nothing is left to deliver
                }
            }, "exec-file-fifo");
            writer.setDaemon(true);
            writer.start();
            return ChildProcess.run(expanded, environment, background);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            if (!background) {
                PrivateFiles.deleteTree(directory);
            }
        }
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
