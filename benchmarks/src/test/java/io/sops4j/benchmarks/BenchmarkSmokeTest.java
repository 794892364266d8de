package io.sops4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.format.Format;
import io.sops4j.internal.format.Stores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BenchmarkSmokeTest {

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"YAML", "JSON"})
    void inputsAreDeterministicOfTheRequestedSizeAndRoundTrip(Format format) {
        byte[] plaintext = Inputs.generate(format, 10 * 1024);
        assertThat(Inputs.generate(format, 10 * 1024)).isEqualTo(plaintext);
        assertThat(plaintext.length).isBetween(10 * 1024 - 64, 12 * 1024);
        assertThat(Fixture.countValues(Stores.of(format).loadPlain(plaintext))).isGreaterThan(100);

        Fixture fixture = Fixture.create();
        byte[] encrypted = fixture.encrypt(plaintext, format);
        byte[] decrypted = fixture.sops().decrypt(encrypted, format).toBytes();
        byte[] floor = Stores.of(format).emitPlain(Stores.of(format).loadPlain(plaintext));
        // decrypted inline YAML comments come back on their own line, as upstream; values are unchanged
        assertThat(withoutComments(decrypted)).isEqualTo(withoutComments(floor));
        assertThat(Fixture.countValues(Stores.of(format).loadPlain(decrypted)))
                .isEqualTo(Fixture.countValues(Stores.of(format).loadPlain(plaintext)));
    }

    private static String withoutComments(byte[] text) {
        return new String(text, StandardCharsets.UTF_8).replaceAll("(?m)^ *#.*\\n", "").replaceAll("(?m) +#.*$", "");
    }

    @Test
    void benchmarkOperationsRun() {
        CryptoBenchmark benchmark = new CryptoBenchmark();
        benchmark.format = "yaml";
        benchmark.size = "10k";
        benchmark.prepare(true, true);
        assertThat(withoutComments(benchmark.decrypt())).isEqualTo(withoutComments(benchmark.parseEmit()));
        assertThat(benchmark.encrypt()).isNotEmpty();
        assertThat(benchmark.cryptoFloor()).hasSize(64);
    }

    @Test
    void cryptoFloorDecryptsEveryValueOfTheFile() {
        Format format = Format.YAML;
        byte[] plaintext = Inputs.generate(format, 10 * 1024);
        CryptoFloor floor = new CryptoFloor(Stores.of(format).loadPlain(plaintext));
        assertThat((long) floor.values()).isEqualTo(Fixture.countValues(Stores.of(format).loadPlain(plaintext)));
        assertThat(floor.run()).isEqualTo(floor.run());
    }

    @Test
    void cpuTimeProbeSeesTheWorkOfItsOperations() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CpuTimeProbe.main(new String[] {"yaml", "10k", "1", "3", "decrypt", "parseEmit"});
        } finally {
            System.setOut(original);
        }
        // sops4j walks documents on a thread of its own: read on another thread, allocation would be 0
        Matcher line = Pattern.compile("op=(\\w+) .*allocatedMiB=([0-9.]+)").matcher(out.toString(StandardCharsets.UTF_8));
        int lines = 0;
        while (line.find()) {
            assertThat(Double.parseDouble(line.group(2))).as(line.group(1)).isGreaterThan(0.2);
            lines++;
        }
        assertThat(lines).isEqualTo(2);
    }

    @Test
    void sizesParse() {
        assertThat(Inputs.parseSize("10k")).isEqualTo(10240);
        assertThat(Inputs.parseSize("20m")).isEqualTo(20 * 1024 * 1024);
    }
}
