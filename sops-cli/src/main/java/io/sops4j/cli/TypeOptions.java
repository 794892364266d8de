package io.sops4j.cli;

import io.sops4j.store.Format;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input-type} and {@code --output-type} for commands that take a file and write it back. */
final class TypeOptions {

    @Option(names = "--input-type", description = "currently json, yaml, dotenv, ini and binary are supported. If not set, sops will use the file's extension to determine the type")
    String inputType;

    @Option(names = "--output-type", description = "currently json, yaml, dotenv, ini and binary are supported. If not set, sops will use the input file's extension to determine the output format")
    String outputType;

    Format input(Path file) {
        return Format.fromName(inputType).orElseGet(() -> Format.fromPath(file));
    }

    Format output(Path file) {
        return Format.fromName(outputType).orElseGet(() -> Format.fromPath(file));
    }
}
