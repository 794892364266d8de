package io.sops4j.internal.store.json;

import io.sops4j.testing.Conformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of an upstream store-case {@code cases.tsv}. */
public record StoreCase(Path folder, String name, String input, List<String> expected, Map<String, String> options) {

    public static List<StoreCase> load(String format) {
        Path folder = Conformance.storeCases().resolve(format);
        try {
            List<String> lines = Files.readAllLines(folder.resolve("cases.tsv"), StandardCharsets.UTF_8);
            List<StoreCase> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                List<String> expected = columns[2].equals("-") ? List.of() : List.of(columns[2].split(","));
                Map<String, String> options = new LinkedHashMap<>();
                for (String option : columns[3].split(";")) {
                    int eq = option.indexOf('=');
                    if (eq > 0) {
                        options.put(option.substring(0, eq), option.substring(eq + 1));
                    }
                }
                cases.add(new StoreCase(folder, columns[0], columns[1], expected, options));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String name) {
        return folder.resolve(name);
    }

    public Path inputFile() {
        return file(input);
    }

    public String api() {
        return options.get("api");
    }

    public int indent() {
        return Integer.parseInt(options.getOrDefault("indent", "-1"));
    }

    public String expectedWithSuffix(String suffix) {
        return expected.stream().filter(e -> e.endsWith(suffix)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return name;
    }
}
