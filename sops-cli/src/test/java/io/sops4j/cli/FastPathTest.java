package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every argument shape the fast path runs gives the same standard output, standard error, exit
 * code and files as the same arguments parsed by picocli; every other shape is left to picocli.
 */
class FastPathTest {

    private static final String YAML = "# settings\na: secret\nnested:\n    b: 1\nlist:\n    - x\n";

    /** Shapes the fast path runs, successes and failures. */
    private static final List<List<String>> FAST = List.of(
            List.of("decrypt", "s.yaml"),
            List.of("-d", "s.yaml"),
            List.of("s.yaml", "-d"),
            List.of("--decrypt", "s.json"),
            List.of("decrypt", "s.json"),
            List.of("decrypt", "--extract", "[\"nested\"]", "s.yaml"),
            List.of("decrypt", "--extract=[\"a\"]", "s.yaml"),
            List.of("decrypt", "s.yaml", "--extract", "[\"missing\"]"),
            List.of("decrypt", "--extract", "not a path", "s.yaml"),
            List.of("decrypt", "--output-type", "json", "s.yaml"),
            List.of("decrypt", "--input-type", "json", "--output-type=yaml", "s.json"),
            List.of("decrypt", "--input-type", "json", "s.yaml"),
            List.of("decrypt", "--output-type", "binary", "s.yaml"),
            List.of("decrypt", "--output-type", "dotenv", "s.yaml"),
            List.of("decrypt", "badmac.yaml"),
            List.of("decrypt", "--ignore-mac", "badmac.yaml"),
            List.of("decrypt", "missing.yaml"),
            List.of("decrypt", "plain.yaml"),
            List.of("decrypt", "garbage.yaml"),
            List.of("decrypt", "directory"),
            List.of("decrypt", "--output", "out.yaml", "s.yaml"),
            List.of("decrypt", "-i", "s.yaml"),
            List.of("decrypt", "--in-place", "s.json"),
            List.of("decrypt", "-i", "--output", "out.yaml", "s.yaml"),
            List.of("decrypt", "--decryption-order", "age,pgp", "s.yaml"),
            List.of("decrypt", "--decryption-order", "nonsense", "s.yaml"),
            List.of("decrypt", "--filename-override", "x.json", "s.json"),
            List.of("decrypt", "--filename-override=x.yaml", "s.json"),
            List.of("filestatus", "s.yaml"),
            List.of("filestatus", "s.json"),
            List.of("filestatus", "plain.yaml"),
            List.of("filestatus", "missing.yaml"),
            List.of("filestatus", "garbage.yaml"),
            List.of("filestatus", "directory"),
            List.of("filestatus", "--input-type", "json", "s.yaml"),
            List.of("filestatus", "--input-type=yaml", "s.yaml"));

    /** Shapes left to picocli: help, stdin, unknown, repeated or odd flags and values. */
    private static final List<List<String>> PICOCLI = List.of(
            List.of("decrypt"),
            List.of("filestatus"),
            List.of("decrypt", "-h"),
            List.of("decrypt", "--help", "s.yaml"),
            List.of("filestatus", "-V", "s.yaml"),
            List.of("decrypt", "--extract"),
            List.of("decrypt", "s.yaml", "--extract"),
            List.of("decrypt", "--extract", "--ignore-mac", "s.yaml"),
            List.of("decrypt", "--extract=", "s.yaml"),
            List.of("decrypt", "--extract", "", "s.yaml"),
            List.of("decrypt", "--ignore-mac", "--ignore-mac", "s.yaml"),
            List.of("decrypt", "--ignore-mac=true", "s.yaml"),
            List.of("decrypt", "-i", "--in-place", "s.yaml"),
            List.of("decrypt", "--extract", "[\"a\"]", "--extract", "[\"a\"]", "s.yaml"),
            List.of("decrypt", "s.yaml", "s.json"),
            List.of("decrypt", "@args.txt"),
            List.of("decrypt", "--extract", "@args.txt", "s.yaml"),
            List.of("decrypt", "-"),
            List.of("decrypt", "--", "s.yaml"),
            List.of("decrypt", "a=b.yaml"),
            List.of("decrypt", ""),
            List.of("decrypt", "s.yaml\0"),
            List.of("decrypt", "--input-type", "nope", "s.yaml"),
            List.of("decrypt", "--input-type=", "s.yaml"),
            List.of("decrypt", "--output-type", "YAML!", "s.yaml"),
            List.of("decrypt", "--keyservice", "tcp://localhost:5000", "s.yaml"),
            List.of("decrypt", "--unknown", "s.yaml"),
            List.of("decrypt", "-x", "s.yaml"),
            List.of("--indent", "2", "decrypt", "s.yaml"),
            List.of("--verbose", "decrypt", "s.yaml"),
            List.of("--config", ".sops.yaml", "-d", "s.yaml"),
            List.of("filestatus", "--output-type", "json", "s.yaml"),
            List.of("filestatus", "--ignore-mac", "s.yaml"),
            List.of("encrypt", "plain.yaml"),
            List.of("--version"),
            List.of());

    @TempDir
    static Path fixture;

    @TempDir
    Path runs;

    @BeforeAll
    static void files() throws IOException {
        Cli cli = new Cli(fixture);
        cli.encrypted("s.yaml", YAML);
        cli.encrypted("s.json", "{\"a\": \"secret\", \"n\": [1, 2.5, true]}\n");
        cli.write("plain.yaml", YAML);
        cli.write("garbage.yaml", "a: [unclosed\n");
        cli.write("args.txt", "s.yaml\n");
        String encrypted = cli.read("s.yaml");
        int mac = encrypted.indexOf("mac: ENC[AES256_GCM,data:") + "mac: ENC[AES256_GCM,data:".length();
        char flipped = encrypted.charAt(mac) == 'A' ? 'B' : 'A';
        cli.write("badmac.yaml", encrypted.substring(0, mac) + flipped + encrypted.substring(mac + 1));
        Files.createDirectory(fixture.resolve("directory"));
        Files.delete(fixture.resolve("tmp"));
    }

    @Test
    void fastShapesAreRunWithoutPicocli() {
        for (List<String> args : FAST) {
            assertThat(FastPath.command(args.toArray(String[]::new), nowhere())).as("%s", args).isPresent();
        }
    }

    @Test
    void otherShapesAreLeftToPicocli() {
        for (List<String> args : PICOCLI) {
            assertThat(FastPath.command(args.toArray(String[]::new), nowhere())).as("%s", args).isEmpty();
        }
    }

    @Test
    void fastPathAndPicocliAgree() {
        IntStream.range(0, FAST.size()).parallel().forEach(n -> {
            List<String> args = FAST.get(n);
            Outcome fast = outcome(runs.resolve("fast-" + n), SopsCommand.class, args);
            Outcome picocli = outcome(runs.resolve("picocli-" + n), PicocliOnly.class, args);
            assertThat(fast).as("%s", args).isEqualTo(picocli);
        });
    }

    @Test
    void theComparisonSeesADifference() {
        Outcome succeeded = outcome(runs.resolve("a"), SopsCommand.class, List.of("decrypt", "s.yaml"));
        Outcome failed = outcome(runs.resolve("b"), SopsCommand.class, List.of("decrypt", "badmac.yaml"));
        Outcome extracted = outcome(runs.resolve("c"), SopsCommand.class, List.of("decrypt", "--extract", "[\"a\"]", "s.yaml"));
        assertThat(succeeded.result().exit()).isZero();
        assertThat(succeeded.result().out()).isEqualTo(YAML);
        assertThat(extracted.result().out()).isEqualTo("secret");
        assertThat(failed.result().exit()).isNotZero();
        assertThat(failed).isNotEqualTo(succeeded);
        Outcome inPlace = outcome(runs.resolve("d"), SopsCommand.class, List.of("decrypt", "-i", "s.yaml"));
        assertThat(new String(inPlace.files().get("s.yaml"), StandardCharsets.UTF_8)).isEqualTo(YAML);
    }

    /** What a run in a fresh copy of the fixture printed and returned, and the files it left there. */
    private static Outcome outcome(Path directory, Class<?> main, List<String> args) {
        try {
            return outcomeOf(directory, main, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome outcomeOf(Path directory, Class<?> main, List<String> args) throws IOException {
        copy(fixture, directory);
        Cli.Result result = new Cli(directory).mainClass(main).run(args.toArray(String[]::new));
        Map<String, String> files = new TreeMap<>();
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String name = directory.relativize(file).toString();
                contents.put(name, Files.readAllBytes(file));
                files.put(name, Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return new Outcome(result, files, contents);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Streams nowhere() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new Streams(new ByteArrayInputStream(new byte[0]), nowhere, nowhere);
    }

    /** Compared by result and file contents; the byte arrays are there for reading a file back. */
    private record Outcome(Cli.Result result, Map<String, String> fileText, Map<String, byte[]> files) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Outcome that && result.equals(that.result) && fileText.equals(that.fileText);
        }

        @Override
        public int hashCode() {
            return result.hashCode() * 31 + fileText.hashCode();
        }
    }

    /** The command line with every argument parsed by picocli. */
    static final class PicocliOnly {
        public static void main(String[] args) {
            System.exit(SopsCommand.runWithPicocli(args, Streams.system()));
        }
    }
}
