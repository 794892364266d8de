package io.sops4j.internal.go;

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

    /** Made on first use: building them loads most of {@code java.time.format}. */
    private static final class Layouts {
        static final DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                .optionalStart()
                .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                .optionalEnd()
                .appendOffset("+HH:MM", "Z")
                .toFormatter();

        static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                .appendOffset("+HH:MM", "Z")
                .toFormatter();
    }

    private GoFormat() {
    }

    /**
     * The shortest decimal that reads back as {@code abs} (finite, positive). {@code Double.toString}
     * reads back too but is not always shortest before JDK 19; when it has at most 15 significant
     * digits and {@code abs} is normal, no other decimal that short reads back as {@code abs}
     * (15 digits always survive a round trip through a double), so it is the shortest.
     */
    static Decimal shortest(double abs) {
        if (abs >= Double.MIN_NORMAL) {
            Decimal jdk = Decimal.parse(Double.toString(abs));
            if (jdk.digits().length() <= 15) {
                return jdk;
            }
        }
        return shortestByRounding(abs);
    }

    /**
     * Rounds the exact binary value to ever more digits until it reads back. For a normal double
     * the 15-digit rounding reads back exactly when some shorter one does, and is then that one,
     * so the search can start there.
     */
    private static Decimal shortestByRounding(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        int from = abs >= Double.MIN_NORMAL ? 15 : 1;
        for (int precision = from; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == abs) {
                return Decimal.of(rounded);
            }
        }
        return Decimal.of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** A positive decimal {@code d.ddd × 10^exponent}, without leading or trailing zero digits. */
    record Decimal(String digits, int exponent) {

        static Decimal of(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            String unscaled = stripped.unscaledValue().toString();
            return new Decimal(unscaled, unscaled.length() - stripped.scale() - 1);
        }

        /** Reads {@code Double.toString} output of a positive normal double ({@code 12.5}, {@code 1.0E-5}). */
        static Decimal parse(String text) {
            int e = text.indexOf('E');
            int mantissaEnd = e < 0 ? text.length() : e;
            int point = text.indexOf('.');
            StringBuilder digits = new StringBuilder(mantissaEnd);
            digits.append(text, 0, point).append(text, point + 1, mantissaEnd);
            int exponent = point - 1 + (e < 0 ? 0 : Integer.parseInt(text, e + 1, text.length(), 10));
            int first = 0;
            while (digits.charAt(first) == '0') {
                first++;
            }
            int last = digits.length();
            while (digits.charAt(last - 1) == '0') {
                last--;
            }
            return new Decimal(digits.substring(first, last), exponent - first);
        }

        /** Without an exponent, as {@code BigDecimal.toPlainString}. */
        String plain() {
            int length = digits.length();
            if (exponent < 0) {
                return "0." + "0".repeat(-exponent - 1) + digits;
            }
            int integerDigits = exponent + 1;
            if (length <= integerDigits) {
                return digits + "0".repeat(integerDigits - length);
            }
            return digits.substring(0, integerDigits) + "." + digits.substring(integerDigits);
        }
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
        return sign + shortest(Math.abs(v)).plain();
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
        Decimal digits = shortest(Math.abs(v));
        if (digits.exponent() < -4 || digits.exponent() >= 6) {
            return sign + exponentForm(digits.digits(), digits.exponent(), upperCase ? 'E' : 'e');
        }
        return sign + digits.plain();
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
            Decimal digits = shortest(abs);
            String text = exponentForm(digits.digits(), digits.exponent(), 'e');
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
        return Layouts.RFC3339_NANO.format(time);
    }

    /** Go's {@code time.RFC3339} layout (whole seconds). */
    public static String formatTimeSeconds(OffsetDateTime time) {
        return Layouts.RFC3339.format(time);
    }

    /** Parses RFC 3339 text as Go's {@code time.Parse(time.RFC3339, s)} accepts it. */
    public static OffsetDateTime parseTime(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * Whether {@link #parseTime} accepts the text. The form SOPS writes,
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}, is checked by hand, without loading
     * {@code java.time}; anything else goes to the parser.
     */
    public static boolean isTime(String text) {
        if (isPlainRfc3339(text)) {
            return true;
        }
        try {
            parseTime(text);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static boolean isPlainRfc3339(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || !inRange(digits(s, 11, 2), 23) || !inRange(digits(s, 14, 2), 59) || !inRange(digits(s, 17, 2), 59)) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i == n - 1) {
            return s.charAt(i) == 'Z';
        }
        return i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':'
                && inRange(digits(s, i + 1, 2), 17) && inRange(digits(s, i + 4, 2), 59);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean inRange(int value, int max) {
        return value >= 0 && value <= max;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

}
