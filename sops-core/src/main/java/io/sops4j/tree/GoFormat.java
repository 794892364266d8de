package io.sops4j.tree;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The text forms Go gives scalars, which SOPS files depend on: the value cipher and the MAC use
 * {@code FormatFloat(v,'f',-1,64)}, YAML output {@code 'g'}, JSON output {@code json.Marshal},
 * INI/dotenv {@code stores.ValToString}. {@code Double.toString} differs and must not be used.
 */
public final class GoFormat {

    private static final DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private GoFormat() {
    }

    /** The shortest decimal digits that read back as {@code v} (v finite, non-zero). */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(Math.abs(v));
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == Math.abs(v)) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    private static boolean negative(double v) {
        return (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    }

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: plain decimal, never an exponent. */
    public static String formatFloatF(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String sign = negative(v) ? "-" : "";
        if (v == 0) {
            return sign + "0";
        }
        return sign + shortest(v).toPlainString();
    }

    /** {@code strconv.FormatFloat(v, 'g' or 'G', -1, 64)}. */
    public static String formatFloatG(double v, boolean upperCase) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String sign = negative(v) ? "-" : "";
        if (v == 0) {
            return sign + "0";
        }
        BigDecimal digits = shortest(v);
        String unscaled = digits.unscaledValue().toString();
        int exponent = unscaled.length() - digits.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            return sign + exponentForm(unscaled, exponent, upperCase ? 'E' : 'e');
        }
        return sign + digits.toPlainString();
    }

    private static String exponentForm(String unscaled, int exponent, char marker) {
        StringBuilder text = new StringBuilder();
        text.append(unscaled.charAt(0));
        if (unscaled.length() > 1) {
            text.append('.').append(unscaled, 1, unscaled.length());
        }
        text.append(marker).append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            text.append('0');
        }
        return text.append(abs).toString();
    }

    /** Go's {@code json.Marshal} of a float64; NaN and infinities are not representable. */
    public static String formatFloatJson(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("json: unsupported value: " + formatFloatF(v));
        }
        double abs = Math.abs(v);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String sign = negative(v) ? "-" : "";
            BigDecimal digits = shortest(v);
            String unscaled = digits.unscaledValue().toString();
            int exponent = unscaled.length() - digits.scale() - 1;
            String text = exponentForm(unscaled, exponent, 'e');
            int n = text.length();
            if (n >= 4 && text.charAt(n - 4) == 'e' && text.charAt(n - 3) == '-' && text.charAt(n - 2) == '0') {
                text = text.substring(0, n - 2) + text.charAt(n - 1);
            }
            return sign + text;
        }
        return formatFloatF(v);
    }

    /** Upstream's {@code stores.ValToString}: scalar text for INI, dotenv and exec-env. */
    public static String valToString(Object value) {
        if (value instanceof Double d) {
            String g = formatFloatG(d, true);
            if (g.indexOf('.') < 0 && g.indexOf('E') < 0) {
                String special = special(d);
                return special != null ? special : g + ".0";
            }
            return g;
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof OffsetDateTime t) {
            return formatTimeSeconds(t);
        }
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    /** Go's {@code time.Time.MarshalText}: RFC 3339 with up to nine fraction digits. */
    public static String formatTime(OffsetDateTime time) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("Time.MarshalText: year outside of range [0,9999]");
        }
        return RFC3339_NANO.format(time);
    }

    /** Go's {@code time.RFC3339} layout (whole seconds). */
    public static String formatTimeSeconds(OffsetDateTime time) {
        return RFC3339.format(time);
    }

    /** Parses RFC 3339 text as Go's {@code time.Parse(time.RFC3339, s)} accepts it. */
    public static OffsetDateTime parseTime(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

}
