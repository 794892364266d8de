package io.sops4j.cli;

import io.sops4j.DecryptedFile;
import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.metadata.Metadata;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code edit}: decrypts into a private temporary directory, runs the editor, and re-encrypts with
 * the same data key, so values that were not changed keep their ciphertext. A file that does not
 * exist yet starts from upstream's example document and the keys of the flags or {@code .sops.yaml}.
 */
@Command(name = "edit", mixinStandardHelpOptions = true, description = "edit an encrypted file")
final class EditCommand implements Callable<Integer> {

    @ParentCommand
    SopsCommand global;

    @Mixin
    TypeOptions types;

    @Mixin
    DecryptFlags decryptFlags;

    @Mixin
    KeyOptions keys;

    @Mixin
    RuleOptions rules;

    @Option(names = {"-s", "--show-master-keys"}, description = "display master encryption keys in the file during editing")
    boolean showMasterKeys;

    @Option(names = {"-i", "--in-place"}, hidden = true, description = "accepted for the legacy form; edit always writes in place")
    boolean inPlace;

    @Parameters(index = "0", arity = "0..1", paramLabel = "file")
    Path file;

    @Override
    public Integer call() {
        if (file == null) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "Error: no file specified");
        }
        Sops sops = decryptFlags.sops(global);
        Format input = types.input(file);
        Format output = types.output(file);
        DecryptedFile opened;
        if (Files.exists(file)) {
            opened = CliSupport.decrypt(sops, file, input);
        } else {
            EncryptionOptions encryption = rules.resolve(global, keys, sops, file.toAbsolutePath().toString());
            try {
                opened = sops.newFile(ExampleDocuments.of(output), output, encryption);
            } catch (SopsException e) {
                throw e.inFile(file);
            }
        }
        Path directory = PrivateFiles.createDirectory("sops");
        try {
            Path temp = directory.resolve(file.getFileName().toString());
            DecryptedFile edited = editLoop(sops, opened, temp, input, output);
            Output.replace(file, sops.reencrypt(edited, output), global.streams);
        } finally {
            PrivateFiles.deleteTree(directory);
            opened.close();
        }
        return 0;
    }

    private DecryptedFile editLoop(Sops sops, DecryptedFile opened, Path temp, Format input, Format output) {
        byte[] initial = sops.editableText(opened, output, showMasterKeys);
        byte[] originalHash = sha256(initial);
        PrivateFiles.write(temp, initial);
        Arrays.fill(initial, (byte) 0);
        Editor editor = Editor.find(System.getenv());
        while (true) {
            editor.edit(temp);
            byte[] content = read(temp);
            try {
                if (Arrays.equals(sha256(content), originalHash)) {
                    throw new SopsException(ExitCode.FILE_HAS_NOT_BEEN_MODIFIED, "File has not changed, exiting.");
                }
                return withCurrentVersion(sops.applyEdit(opened, content, input, showMasterKeys));
            } catch (SopsException e) {
                if (e.exitCode() == ExitCode.FILE_HAS_NOT_BEEN_MODIFIED) {
                    throw e;
                }
                reopenOrFail(e.getMessage());
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        }
    }

    /** A file edited with an older sops is written with this version, as upstream does. */
    private static DecryptedFile withCurrentVersion(DecryptedFile edited) {
        Metadata metadata = edited.metadata();
        if (!Versions.isNewer(Metadata.SOPS_VERSION, metadata.version())) {
            return edited;
        }
        return edited.withMetadata(metadata.withVersion(Metadata.SOPS_VERSION));
    }

    /** Upstream waits for Enter and reopens the editor; without a terminal that would wait forever, so it fails. */
    private void reopenOrFail(String problem) {
        if (System.console() == null) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Could not load the edited file: " + problem
                    + " (standard input is not a terminal, so the editor is not reopened; the changes were discarded)", file, null, null);
        }
        global.streams.err().println("Could not load tree, probably due to invalid syntax: " + problem);
        global.streams.err().println("Press Enter to return to the editor, or Ctrl+C to exit.");
        try {
            String line = new BufferedReader(new InputStreamReader(global.streams.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Could not load the edited file: " + problem
                        + " (end of input; the changes were discarded)", file, null, null);
            }
        } catch (IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Could not read from standard input: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path temp) {
        try {
            return Files.readAllBytes(temp);
        } catch (IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Could not read the edited file: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
