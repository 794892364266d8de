package io.sops4j.format;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats, detected from a file name as upstream does. */
public enum Format {
    /** YAML, one or more documents. */
    YAML("yaml"),
    /** JSON. */
    JSON("json"),
    /** dotenv: {@code KEY=value} lines. */
    DOTENV("dotenv"),
    /** INI: sections of {@code key = value} lines. */
    INI("ini"),
    /** Any other file, encrypted whole under the key {@code data}. */
    BINARY("binary");

    private final String cliName;

    Format(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The name used by {@code --input-type}/{@code --output-type}.
     *
     * @return the name used by {@code --input-type}/{@code --output-type}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * Case-sensitive suffix test: .yaml/.yml, .json, .env, .ini; anything else is binary.
     *
     * @param path a file name or path
     * @return the format of the file
     */
    public static Format fromPath(String path) {
        if (path == null) {
            return BINARY;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return YAML;
        }
        if (path.endsWith(".json")) {
            return JSON;
        }
        if (path.endsWith(".env")) {
            return DOTENV;
        }
        if (path.endsWith(".ini")) {
            return INI;
        }
        return BINARY;
    }

    /**
     * The format of a file name, as {@link #fromPath(String)}.
     *
     * @param path a file path
     * @return the format of a file name, as {@link #fromPath(String)}
     */
    public static Format fromPath(Path path) {
        return fromPath(path == null ? null : path.toString());
    }

    /**
     * The format named by a {@code --input-type} value; empty for unknown names, as upstream.
     *
     * @param name {@code yaml}, {@code json}, {@code dotenv}, {@code ini} or {@code binary}
     * @return the format, or empty for an unknown name
     */
    public static Optional<Format> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Format format : values()) {
            if (format.cliName.equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }


    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
