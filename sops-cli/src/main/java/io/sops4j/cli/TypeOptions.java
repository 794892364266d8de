package io.sops4j.cli;

import io.sops4j.format.Format;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input-type} and {@code --output-type} for commands that take a file and write it back. */
final class TypeOptions {

    @Option(names = "--input-type", description = "currently json, yaml, dotenv, ini and binary are supported. If not set, sops will use the file's extension to determine the type")
    Format inputType;

    @Option(names = "--output-type", description = "currently json, yaml, dotenv, ini and binary are supported. If not set, sops will use the input file's extension to determine the output format")
    Format outputType;

    Format input(Path file) {
        return inputType != null ? inputType : Format.fromPath(file);
    }

    Format output(Path file) {
        return outputType != null ? outputType : Format.fromPath(file);
    }
}
