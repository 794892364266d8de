package io.sops4j.maven;

import io.sops4j.error.SopsException;
import io.sops4j.internal.files.SafeFileWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Properties;

/**
 * What the last {@code decrypt} wrote: for each output file, the input and options it came from.
 * An output is up to date when it was written from the same input with the same options and is
 * newer than that input. Holds file names and option names only, never content.
 */
final class DecryptState {

    private final Path file;
    private final Properties entries = new Properties();

    private DecryptState(Path file) {
        this.file = file;
    }

    static DecryptState load(Path file) throws IOException {
        DecryptState state = new DecryptState(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            state.entries.load(reader);
        } catch (NoSuchFileException e) {
            // first run
        }
        return state;
    }

    boolean isUpToDate(Path input, Path output, String options) throws IOException {
        if (!options.equals(entries.getProperty(output.toAbsolutePath().toString())) || !Files.isRegularFile(output)) {
            return false;
        }
        FileTime written = Files.getLastModifiedTime(output);
        return written.compareTo(Files.getLastModifiedTime(input)) > 0;
    }

    void written(Path output, String options) {
        entries.setProperty(output.toAbsolutePath().toString(), options);
    }

    void save() throws IOException {
        SecureFiles.createOwnerOnlyDirectories(file.getParent());
        StringWriter text = new StringWriter();
        entries.store(text, "sops:decrypt outputs and the input and options each was written from");
        try {
            SafeFileWriter.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (SopsException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
