package io.sops4j.internal.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The table of Go float formats in the format specification (§14.1), row by row. */
class GoFormatTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1                      | 1                      | 1                      | 1                      | 1.0
            3                      | 3                      | 3                      | 3                      | 3.0
            1.5                    | 1.5                    | 1.5                    | 1.5                    | 1.5
            100                    | 100                    | 100                    | 100                    | 100.0
            123456                 | 123456                 | 123456                 | 123456                 | 123456.0
            1234567                | 1234567                | 1.234567e+06           | 1234567                | 1.234567E+06
            1e6                    | 1000000                | 1e+06                  | 1000000                | 1E+06
            1234.56789             | 1234.56789             | 1234.56789             | 1234.56789             | 1234.56789
            1e20                   | 100000000000000000000  | 1e+20                  | 100000000000000000000  | 1E+20
            1e21                   | 1000000000000000000000 | 1e+21                  | 1e+21                  | 1E+21
            0.0001                 | 0.0001                 | 0.0001                 | 0.0001                 | 0.0001
            1e-5                   | 0.00001                | 1e-05                  | 0.00001                | 1E-05
            1e-6                   | 0.000001               | 1e-06                  | 0.000001               | 1E-06
            1e-7                   | 0.0000001              | 1e-07                  | 1e-7                   | 1E-07
            1.234568e9             | 1234568000             | 1.234568e+09           | 1234568000             | 1.234568E+09
            1.2345678901234568e17  | 123456789012345680     | 1.2345678901234568e+17 | 123456789012345680     | 1.2345678901234568E+17
            -0.0                   | -0                     | -0                     | -0                     | -0.0
            2.82879384806159E17    | 282879384806159000     | 2.82879384806159e+17   | 282879384806159000     | 2.82879384806159E+17
            """)
    void formatsLikeGo(double value, String cipher, String yaml, String json, String ini) {
        assertThat(GoFormat.formatFloatF(value)).isEqualTo(cipher);
        assertThat(GoFormat.formatFloatG(value, false)).isEqualTo(yaml);
        assertThat(GoFormat.formatFloatJson(value)).isEqualTo(json);
        assertThat(GoFormat.valToString(value)).isEqualTo(ini);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void shortestDigitsAgreeWithRoundingTheExactValue(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 5) {
                case 0 -> Math.abs(Double.longBitsToDouble(random.nextLong()));
                case 1 -> random.nextInt(1_000_000) / Math.pow(10, random.nextInt(8));
                case 2 -> Math.pow(10, random.nextInt(600) - 300) * (1 + random.nextInt(9));
                case 3 -> random.nextDouble() * 1000;
                default -> Math.scalb(1.0 + random.nextInt(16) / 16.0, random.nextInt(2098) - 1074);
            };
            if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            assertThat(GoFormat.shortest(value)).as("%s", Double.toString(value))
                    .isEqualTo(shortestByDefinition(value));
        }
    }

    /** The exact value rounded to one digit, two digits, … until it reads back as {@code abs}. */
    private static GoFormat.Decimal shortestByDefinition(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == abs) {
                return GoFormat.Decimal.of(rounded);
            }
        }
        return GoFormat.Decimal.of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    @Test
    void shortestEvenWhereDoubleToStringIsNot() {
        // JDK 17 prints 2e23 as 1.9999999999999998E23
        assertThat(GoFormat.formatFloatG(2e23, false)).isEqualTo("2e+23");
        assertThat(GoFormat.formatFloatF(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void smallestDenormal() {
        assertThat(GoFormat.formatFloatF(5e-324)).startsWith("0.000").endsWith("005").hasSize(2 + 324);
        assertThat(GoFormat.formatFloatG(5e-324, false)).isEqualTo("5e-324");
        assertThat(GoFormat.formatFloatJson(5e-324)).isEqualTo("5e-324");
    }

    @Test
    void specialValues() {
        assertThat(GoFormat.formatFloatF(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFormat.formatFloatF(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.valToString(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThatThrownBy(() -> GoFormat.formatFloatJson(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesAsGoMarshalsThem() {
        assertThat(GoFormat.formatTime(OffsetDateTime.parse("2024-01-01T00:00:00Z"))).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(GoFormat.formatTime(OffsetDateTime.parse("2006-01-02T15:04:05.123000+07:06"))).isEqualTo("2006-01-02T15:04:05.123+07:06");
        assertThat(GoFormat.formatTimeSeconds(OffsetDateTime.parse("2006-01-02T15:04:05.5Z"))).isEqualTo("2006-01-02T15:04:05Z");
        assertThat(GoFormat.valToString(true)).isEqualTo("true");
        assertThat(GoFormat.valToString(42L)).isEqualTo("42");
    }
    /** The hand check of the usual form never accepts what the parser refuses, nor refuses what it accepts. */
    @Test
    void isTimeAgreesWithTheParser() {
        List<String> texts = new ArrayList<>(List.of(
                "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T12:00:00Z",
                "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-01-01T24:00:00Z",
                "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-01-01T10:00:00+18:00", "2024-01-01T10:00:00-18:00",
                "2024-01-01T10:00:00+17:59", "2024-01-01T10:00:00-00:00", "2024-01-01T10:00:00+18:01",
                "2024-01-01T10:00:00.Z", "2024-01-01T10:00:00.1234567890Z", "2024-01-01t10:00:00Z", "2024-01-01T10:00:00z",
                "2024-01-01T10:00Z", "2024-01-01 10:00:00Z", "2024-01-01T10:00:00", "2024-01-01T10:00:00+0100",
                "2024-01-01T10:00:00+01:00:30", "+2024-01-01T10:00:00Z", "2024-1-01T10:00:00Z", "2025-06-30T18:04:05.5+02:00"));
        Random random = new Random(20261206);
        String alphabet = "0123456789-:+.TtZz 9";
        for (int i = 0; i < 100_000; i++) {
            char[] text = texts.get(random.nextInt(30)).toCharArray();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                text[random.nextInt(text.length)] = random.nextBoolean()
                        ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length()));
            }
            texts.add(new String(text));
        }
        int accepted = 0;
        for (String text : texts) {
            boolean parses;
            try {
                GoFormat.parseTime(text);
                parses = true;
                accepted++;
            } catch (DateTimeException e) {
                parses = false;
            }
            assertThat(GoFormat.isTime(text)).as(text).isEqualTo(parses);
        }
        assertThat(accepted).as("both outcomes are exercised").isBetween(1000, texts.size() - 1000);
    }
}
