package io.sops4j.internal.store;

import io.sops4j.testing.Conformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of an upstream store-case folder's {@code cases.tsv}. */
public record StoreCases(Path folder, String name, Path input, List<Path> expected, Map<String, String> options) {

    public static List<StoreCases> of(String format) {
        Path folder = Conformance.storeCases().resolve(format);
        try {
            List<String> lines = Files.readAllLines(folder.resolve("cases.tsv"));
            List<StoreCases> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                List<Path> expected = new ArrayList<>();
                if (!columns[2].equals("-")) {
                    for (String file : columns[2].split(",")) {
                        expected.add(folder.resolve(file.trim()));
                    }
                }
                Map<String, String> options = new LinkedHashMap<>();
                for (String option : columns[3].split(";")) {
                    int equals = option.indexOf('=');
                    if (equals > 0) {
                        options.put(option.substring(0, equals), option.substring(equals + 1));
                    }
                }
                cases.add(new StoreCases(folder, columns[0], folder.resolve(columns[1]), expected, options));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String api() {
        return options.get("api");
    }

    public Path expected(String suffix) {
        return expected.stream().filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return name;
    }
}
