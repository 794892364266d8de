package io.sops4j.benchmarks;

import io.sops4j.format.Format;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic plaintext configuration files of a requested size: one record per service with
 * nested mappings, strings long and short, integers, floats, booleans, lists and (in YAML)
 * comments. The same size and format always give the same bytes.
 */
public final class Inputs {

    private static final String[] WORDS = {
        "alpha", "bravo", "cache", "delta", "edge", "fleet", "gateway", "horizon", "ingress", "journal",
        "kernel", "ledger", "mesh", "node", "orbit", "proxy", "quota", "relay", "shard", "token",
        "uplink", "vault", "worker", "zone", "billing", "search", "mailer", "reports", "audit", "queue",
    };
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Inputs() {
    }

    /** A file of {@code format} (YAML or JSON) of at least {@code targetBytes} bytes. */
    public static byte[] generate(Format format, int targetBytes) {
        Random random = new Random(0x5095L + targetBytes);
        StringBuilder out = new StringBuilder(targetBytes + 4096);
        boolean yaml = switch (format) {
            case YAML -> true;
            case JSON -> false;
            default -> throw new IllegalArgumentException("only YAML and JSON inputs: " + format);
        };
        if (yaml) {
            out.append("# Generated service configuration (deterministic benchmark input)\n");
        } else {
            out.append("{\n");
        }
        int index = 0;
        while (out.length() < targetBytes - 64) {
            if (yaml) {
                yamlRecord(out, index, random);
            } else {
                jsonRecord(out, index, random, index == 0);
            }
            index++;
        }
        if (!yaml) {
            out.append("\n}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a size such as {@code 10k}, {@code 1m} or {@code 20m} into bytes. */
    public static int parseSize(String size) {
        String s = size.toLowerCase(Locale.ROOT);
        char unit = s.charAt(s.length() - 1);
        return switch (unit) {
            case 'k' -> Integer.parseInt(s.substring(0, s.length() - 1)) * 1024;
            case 'm' -> Integer.parseInt(s.substring(0, s.length() - 1)) * 1024 * 1024;
            default -> Integer.parseInt(s);
        };
    }

    private static void yamlRecord(StringBuilder out, int index, Random random) {
        String name = word(random) + "-" + index;
        out.append("# ").append(name).append(": owned by team ").append(word(random)).append('\n');
        out.append(name).append(":\n");
        out.append("  enabled: ").append(random.nextBoolean()).append('\n');
        out.append("  replicas: ").append(1 + random.nextInt(12)).append('\n');
        out.append("  cpu_ratio: ").append(ratio(random)).append('\n');
        out.append("  description: ").append(sentence(random, 8 + random.nextInt(40))).append('\n');
        out.append("  api_token: ").append(token(random, 40)).append('\n');
        out.append("  database:\n");
        out.append("    host: db-").append(index).append(".internal.example.com\n");
        out.append("    port: ").append(5000 + random.nextInt(1000)).append('\n');
        out.append("    # rotated monthly\n");
        out.append("    user: ").append(word(random)).append('\n');
        out.append("    password: '").append(token(random, 24)).append("'\n");
        out.append("    pool:\n");
        out.append("      min: ").append(random.nextInt(4)).append('\n');
        out.append("      max: ").append(8 + random.nextInt(56)).append('\n');
        out.append("      timeout_seconds: ").append(ratio(random) * 30).append('\n');
        out.append("  regions:\n");
        int regions = 1 + random.nextInt(4);
        for (int i = 0; i < regions; i++) {
            out.append("    - ").append(word(random)).append("-").append(random.nextInt(9)).append('\n');
        }
        out.append("  endpoints:\n");
        int endpoints = 1 + random.nextInt(3);
        for (int i = 0; i < endpoints; i++) {
            out.append("    - path: /").append(word(random)).append('/').append(word(random)).append('\n');
            out.append("      retries: ").append(random.nextInt(5)).append('\n');
            out.append("      public: ").append(random.nextBoolean()).append('\n');
        }
        if (random.nextInt(4) == 0) {
            out.append("  certificate: |\n");
            for (int i = 0; i < 6; i++) {
                out.append("    ").append(token(random, 64)).append('\n');
            }
        }
        out.append("  notes: \"").append(sentence(random, 2 + random.nextInt(6))).append("\" # short\n");
    }

    private static void jsonRecord(StringBuilder out, int index, Random random, boolean first) {
        String name = word(random) + "-" + index;
        if (!first) {
            out.append(",\n");
        }
        out.append("  \"").append(name).append("\": {\n");
        out.append("    \"owner\": \"").append(word(random)).append("\",\n");
        out.append("    \"enabled\": ").append(random.nextBoolean()).append(",\n");
        out.append("    \"replicas\": ").append(1 + random.nextInt(12)).append(",\n");
        out.append("    \"cpu_ratio\": ").append(ratio(random)).append(",\n");
        out.append("    \"description\": \"").append(sentence(random, 8 + random.nextInt(40))).append("\",\n");
        out.append("    \"api_token\": \"").append(token(random, 40)).append("\",\n");
        out.append("    \"database\": {\n");
        out.append("      \"host\": \"db-").append(index).append(".internal.example.com\",\n");
        out.append("      \"port\": ").append(5000 + random.nextInt(1000)).append(",\n");
        out.append("      \"user\": \"").append(word(random)).append("\",\n");
        out.append("      \"password\": \"").append(token(random, 24)).append("\",\n");
        out.append("      \"pool\": {\n");
        out.append("        \"min\": ").append(random.nextInt(4)).append(",\n");
        out.append("        \"max\": ").append(8 + random.nextInt(56)).append(",\n");
        out.append("        \"timeout_seconds\": ").append(ratio(random) * 30).append("\n");
        out.append("      }\n");
        out.append("    },\n");
        out.append("    \"regions\": [");
        int regions = 1 + random.nextInt(4);
        for (int i = 0; i < regions; i++) {
            out.append(i == 0 ? "" : ", ").append('"').append(word(random)).append("-").append(random.nextInt(9)).append('"');
        }
        out.append("],\n");
        out.append("    \"endpoints\": [\n");
        int endpoints = 1 + random.nextInt(3);
        for (int i = 0; i < endpoints; i++) {
            out.append("      {\"path\": \"/").append(word(random)).append('/').append(word(random))
                    .append("\", \"retries\": ").append(random.nextInt(5))
                    .append(", \"public\": ").append(random.nextBoolean()).append('}')
                    .append(i == endpoints - 1 ? "\n" : ",\n");
        }
        out.append("    ],\n");
        if (random.nextInt(4) == 0) {
            out.append("    \"certificate\": \"");
            for (int i = 0; i < 6; i++) {
                out.append(token(random, 64)).append("\\n");
            }
            out.append("\",\n");
        }
        out.append("    \"notes\": \"").append(sentence(random, 2 + random.nextInt(6))).append("\"\n");
        out.append("  }");
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static double ratio(Random random) {
        return Math.round(random.nextDouble() * 1000) / 1000.0;
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word(random));
        }
        return text.toString();
    }

    private static String token(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }
}
