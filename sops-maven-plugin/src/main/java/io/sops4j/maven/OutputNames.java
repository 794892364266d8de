package io.sops4j.maven;

import io.sops4j.format.Format;

/** The name of a decrypted file written in another format: the format's extension replaces the old one. */
final class OutputNames {

    private OutputNames() {
    }

    static String rename(String relativePath, Format input, Format output) {
        if (output == null || output == input) {
            return relativePath;
        }
        String base = input == Format.BINARY ? relativePath : stripExtension(relativePath);
        return base + extension(output);
    }

    static String extension(Format format) {
        return switch (format) {
            case YAML -> ".yaml";
            case JSON -> ".json";
            case DOTENV -> ".env";
            case INI -> ".ini";
            case BINARY -> "";
        };
    }

    private static String stripExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }
}
