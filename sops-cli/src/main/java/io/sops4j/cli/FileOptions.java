package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input file, its type and where the output goes: flags shared by {@code encrypt} and {@code decrypt}. */
final class FileOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "file", description = "the file to process; standard input when absent")
    Path file;

    @Option(names = {"-i", "--in-place"}, description = "write output back to the same file instead of stdout")
    boolean inPlace;

    @Option(names = "--output", description = "save the output after encryption or decryption to the file specified")
    Path output;

    @Option(names = "--input-type", description = "currently json, yaml, dotenv, ini and binary are supported. If not set, sops will use the file's extension to determine the type")
    Format inputType;

    @Option(names = "--output-type", description = "currently json, yaml, dotenv, ini and binary are supported. If not set, sops will use the input file's extension to determine the output format")
    Format outputType;

    @Option(names = "--filename-override", description = "use this filename instead of the provided argument for loading configuration, and for determining input type and output type")
    String filenameOverride;

    /** Rejects the combinations upstream rejects, before anything is read. */
    void validate() {
        if (inPlace && output != null) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS, "Error: cannot operate on both --output and --in-place");
        }
        if (inPlace && file == null) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS, "Error: cannot use --in-place when reading from stdin");
        }
    }

    /** The name that decides formats and configuration: the override, else the file. */
    String effectiveName() {
        if (filenameOverride != null) {
            return Path.of(filenameOverride).toAbsolutePath().toString();
        }
        return file == null ? "" : file.toString();
    }

    Format inputFormat() {
        return inputType != null ? inputType : Format.fromPath(effectiveName());
    }

    Format outputFormat() {
        return outputType != null ? outputType : Format.fromPath(effectiveName());
    }
}
