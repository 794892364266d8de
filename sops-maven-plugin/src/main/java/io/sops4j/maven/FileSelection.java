package io.sops4j.maven;

import io.sops4j.config.SopsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The regular files below a base directory that match at least one include and no exclude, in
 * path order. {@code .sops.yaml} files are configuration and never selected.
 */
final class FileSelection {

    static final List<String> DEFAULT_INCLUDES = List.of("**/*");

    private final List<PathPattern> includes;
    private final List<PathPattern> excludes;

    FileSelection(List<String> includes, List<String> excludes) {
        this.includes = compile(includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        this.excludes = compile(excludes == null ? List.of() : excludes);
    }

    /** The selected files as paths relative to {@code baseDirectory}; empty when it does not exist. */
    List<Path> select(Path baseDirectory) throws IOException {
        if (!Files.isDirectory(baseDirectory)) {
            return List.of();
        }
        List<Path> selected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(baseDirectory)) {
            files.filter(Files::isRegularFile)
                    .map(baseDirectory::relativize)
                    .filter(this::selects)
                    .sorted()
                    .forEach(selected::add);
        }
        return selected;
    }

    boolean selects(Path relativePath) {
        if (relativePath.getFileName().toString().equals(SopsConfig.FILE_NAME)) {
            return false;
        }
        String path = slashed(relativePath);
        return includes.stream().anyMatch(p -> p.matches(path)) && excludes.stream().noneMatch(p -> p.matches(path));
    }

    static String slashed(Path relativePath) {
        return relativePath.toString().replace(relativePath.getFileSystem().getSeparator(), "/");
    }

    private static List<PathPattern> compile(List<String> patterns) {
        return patterns.stream().map(PathPattern::compile).toList();
    }
}
