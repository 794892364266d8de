package io.sops4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sops4j.format.Format;
import io.sops4j.internal.format.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns a results directory ({@code jmh-*.json}, {@code heap.txt}, {@code cli-*.json} from
 * hyperfine, {@code machine.txt}) into the Markdown tables of {@code docs/performance.md}.
 *
 * <p>Usage: {@code Report RESULTS_DIR OUTPUT_MD}.
 */
public final class Report {

    private static final List<String> SIZES = List.of("10k", "1m", "20m");
    private static final double MIB = 1024.0 * 1024.0;

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        StringBuilder md = new StringBuilder();
        Path machine = dir.resolve("machine.txt");
        if (Files.exists(machine)) {
            md.append("Machine:\n\n```\n").append(Files.readString(machine).strip()).append("\n```\n\n");
        }
        jmh(dir, md);
        cpu(dir, md);
        heap(dir, md);
        cli(dir, md);
        Files.writeString(Path.of(args[1]), md.toString(), StandardCharsets.UTF_8);
    }

    private record Score(double ms, double error) {
    }

    private static void jmh(Path dir, StringBuilder md) throws IOException {
        Map<String, Score> scores = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches("jmh-.*\\.json")).sorted().toList();
        }
        for (Path file : files) {
            for (JsonNode run : mapper.readTree(file.toFile())) {
                String benchmark = run.get("benchmark").asText();
                String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                JsonNode params = run.get("params");
                JsonNode metric = run.get("primaryMetric");
                double factor = toMillis(metric.get("scoreUnit").asText());
                double error = metric.get("scoreError").asDouble();
                scores.put(params.get("format").asText() + "/" + params.get("size").asText() + "/" + method,
                        new Score(metric.get("score").asDouble() * factor, Double.isNaN(error) ? 0 : error * factor));
            }
        }
        if (scores.isEmpty()) {
            return;
        }
        md.append("### In-process throughput (JMH, one operation = one whole file)\n\n");
        md.append("MB = MiB of plaintext. `decrypt` = `Sops.decrypt(bytes, format).toBytes()` (loads the encrypted "
                + "file, unwraps the age data key, decrypts and MAC-checks every value, emits the plaintext). "
                + "`encrypt` = `Sops.encrypt(plaintext, format, options)` (including the age wrap). `floor` = "
                + "`store.emitPlain(store.loadPlain(plaintext))`. `crypto` = the JDK's AES-GCM decryption and SHA-512 "
                + "update of the same values, already decoded (`CryptoFloor`); `lowest` = (floor + crypto) ÷ floor, "
                + "the ratio no single-threaded implementation on this JDK can go below. ± is JMH's 99.9% error over "
                + "the iterations.\n\n");
        md.append("| format | size | values | decrypt ms/file | decrypt values/s | decrypt MB/s | encrypt ms/file "
                + "| encrypt values/s | encrypt MB/s | floor ms/file | crypto ms/file | decrypt ÷ floor "
                + "| encrypt ÷ floor | lowest |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String format : List.of("yaml", "json")) {
            for (String size : SIZES) {
                Score decrypt = scores.get(format + "/" + size + "/decrypt");
                Score encrypt = scores.get(format + "/" + size + "/encrypt");
                Score floor = scores.get(format + "/" + size + "/parseEmit");
                Score crypto = scores.get(format + "/" + size + "/cryptoFloor");
                if (decrypt == null && encrypt == null && floor == null) {
                    continue;
                }
                Format f = Format.fromName(format).orElseThrow();
                byte[] plaintext = Inputs.generate(f, Inputs.parseSize(size));
                long values = Fixture.countValues(Stores.of(f).loadPlain(plaintext));
                double mib = plaintext.length / MIB;
                md.append("| ").append(format).append(" | ").append(size).append(" | ").append(values);
                for (Score s : new Score[] {decrypt, encrypt}) {
                    md.append(" | ").append(ms(s));
                    md.append(" | ").append(s == null ? "–" : String.format(Locale.ROOT, "%,.0f", values / (s.ms / 1000)));
                    md.append(" | ").append(s == null ? "–" : String.format(Locale.ROOT, "%.1f", mib / (s.ms / 1000)));
                }
                md.append(" | ").append(ms(floor)).append(" | ").append(ms(crypto));
                md.append(" | ").append(ratio(decrypt, floor)).append(" | ").append(ratio(encrypt, floor));
                md.append(" | ").append(floor == null || crypto == null ? "–"
                        : String.format(Locale.ROOT, "%.2f×", (floor.ms + crypto.ms) / floor.ms)).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static double toMillis(String unit) {
        return switch (unit) {
            case "ms/op" -> 1;
            case "s/op" -> 1000;
            case "us/op" -> 0.001;
            case "ns/op" -> 0.000001;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    private static String ms(Score s) {
        if (s == null) {
            return "–";
        }
        return s.ms >= 100 ? String.format(Locale.ROOT, "%.0f ± %.0f", s.ms, s.error)
                : String.format(Locale.ROOT, "%.2f ± %.2f", s.ms, s.error);
    }

    private static String ratio(Score a, Score b) {
        return a == null || b == null ? "–" : String.format(Locale.ROOT, "%.2f×", a.ms / b.ms);
    }

    private static void heap(Path dir, StringBuilder md) throws IOException {
        Path file = dir.resolve("heap.txt");
        if (!Files.exists(file)) {
            return;
        }
        md.append("### Growth and peak heap (separate JVM per file, G1, `-Xmx` as in the result column)\n\n");
        md.append("`live max` = the largest heap in use after any collection while decrypting (what must fit); "
                + "`pool peaks` = sum of the heap pools' peak usage (an upper bound, pools peak at different "
                + "times). `cold` = first decryption in the JVM, `warm` = best of the next two.\n\n");
        md.append("| file | encrypted bytes | cold ms | warm ms | live max MiB | pool peaks MiB | result |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("HEAP ")) {
                Map<String, String> f = fields(line.substring(5));
                md.append("| ").append(f.get("file")).append(" | ").append(f.get("encryptedBytes"))
                        .append(" | ").append(f.get("coldMs")).append(" | ").append(f.get("bestMs"))
                        .append(" | ").append(f.get("liveMaxMiB")).append(" | ").append(f.get("poolPeakMiB"))
                        .append(" | ok within ").append(f.get("maxHeapMiB")).append(" MiB |\n");
            } else if (line.startsWith("FAIL ")) {
                md.append("| ").append(line.substring(5)).append(" | | | | | | **failed** |\n");
            }
        }
        md.append('\n');
    }

    private static void cpu(Path dir, StringBuilder md) throws IOException {
        Path file = dir.resolve("cpu.txt");
        if (!Files.exists(file)) {
            return;
        }
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("CPU ")) {
                Map<String, String> f = fields(line.substring(4));
                String key = f.get("format") + " " + f.get("size");
                if (!byKey.containsKey(key)) {
                    order.add(key);
                }
                byKey.computeIfAbsent(key, k -> new TreeMap<>()).put(f.get("op"), f.get("cpuMedianMs"));
                byKey.get(key).put("n", f.get("n"));
            }
        }
        md.append("### Thread CPU time per file (`CpuTimeProbe`, operations taking turns in one JVM, median after warm-up)\n\n");
        md.append("Less disturbed by other processes than wall-clock time; GC threads are not counted. "
                + "Columns as in the JMH table.\n\n");
        md.append("| file | measured ops | decrypt ms | encrypt ms | floor ms | crypto ms | decrypt ÷ floor "
                + "| encrypt ÷ floor | lowest |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String key : order) {
            Map<String, String> ops = byKey.get(key);
            double d = Double.parseDouble(ops.get("decrypt"));
            double e = Double.parseDouble(ops.get("encrypt"));
            double f = Double.parseDouble(ops.get("parseEmit"));
            double c = Double.parseDouble(ops.getOrDefault("cryptoFloor", "NaN"));
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.2f× | %.2f× | %.2f× |%n",
                    key, ops.get("n"), d, e, f, c, d / f, e / f, (f + c) / f));
        }
        md.append('\n');
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new TreeMap<>();
        for (String part : text.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return fields;
    }

    private static void cli(Path dir, StringBuilder md) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().matches("cli-.*\\.json")).sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            return;
        }
        md.append("### Command line, whole process (hyperfine)\n\n");
        md.append("| command | runs | median ms | min ms | mean ± σ ms |\n|---|---:|---:|---:|---:|\n");
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : files) {
            for (JsonNode r : mapper.readTree(file.toFile()).get("results")) {
                md.append(String.format(Locale.ROOT, "| `%s` | %d | %.0f | %.0f | %.0f ± %.0f |%n",
                        r.get("command").asText().replace("|", "\\|"), r.get("times").size(),
                        r.get("median").asDouble() * 1000, r.get("min").asDouble() * 1000,
                        r.get("mean").asDouble() * 1000, r.get("stddev").asDouble() * 1000));
            }
        }
        md.append('\n');
    }
}
