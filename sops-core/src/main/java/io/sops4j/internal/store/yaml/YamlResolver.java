package io.sops4j.internal.store.yaml;

import io.sops4j.internal.text.RawText;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * yaml.v3's implicit typing of scalars ({@code resolve.go}): YAML 1.2 core schema plus 1.1-style
 * {@code 0777} octals, {@code _} separators and timestamps, but only {@code true/false} as booleans.
 */
final class YamlResolver {

    static final String STR = "!!str";
    static final String INT = "!!int";
    static final String FLOAT = "!!float";
    static final String BOOL = "!!bool";
    static final String NULL = "!!null";
    static final String TIMESTAMP = "!!timestamp";
    static final String BINARY = "!!binary";
    static final String MERGE = "!!merge";

    /** An integer in {@code [2^63, 2^64)}: Go decodes it as {@code uint64}, which SOPS cannot walk. */
    record Unsigned(BigInteger value) {
    }

    record Resolved(String tag, Object value) {
    }

    private static final Map<String, Resolved> MAP = Map.ofEntries(
            Map.entry("true", new Resolved(BOOL, true)), Map.entry("True", new Resolved(BOOL, true)),
            Map.entry("TRUE", new Resolved(BOOL, true)), Map.entry("false", new Resolved(BOOL, false)),
            Map.entry("False", new Resolved(BOOL, false)), Map.entry("FALSE", new Resolved(BOOL, false)),
            Map.entry("", new Resolved(NULL, null)), Map.entry("~", new Resolved(NULL, null)),
            Map.entry("null", new Resolved(NULL, null)), Map.entry("Null", new Resolved(NULL, null)),
            Map.entry("NULL", new Resolved(NULL, null)),
            Map.entry(".nan", new Resolved(FLOAT, Double.NaN)), Map.entry(".NaN", new Resolved(FLOAT, Double.NaN)),
            Map.entry(".NAN", new Resolved(FLOAT, Double.NaN)),
            Map.entry(".inf", new Resolved(FLOAT, Double.POSITIVE_INFINITY)),
            Map.entry(".Inf", new Resolved(FLOAT, Double.POSITIVE_INFINITY)),
            Map.entry(".INF", new Resolved(FLOAT, Double.POSITIVE_INFINITY)),
            Map.entry("+.inf", new Resolved(FLOAT, Double.POSITIVE_INFINITY)),
            Map.entry("+.Inf", new Resolved(FLOAT, Double.POSITIVE_INFINITY)),
            Map.entry("+.INF", new Resolved(FLOAT, Double.POSITIVE_INFINITY)),
            Map.entry("-.inf", new Resolved(FLOAT, Double.NEGATIVE_INFINITY)),
            Map.entry("-.Inf", new Resolved(FLOAT, Double.NEGATIVE_INFINITY)),
            Map.entry("-.INF", new Resolved(FLOAT, Double.NEGATIVE_INFINITY)),
            Map.entry("<<", new Resolved(MERGE, "<<")));
    /** Longer text is never in {@link #MAP}, so it is not hashed to find out. */
    private static final int LONGEST_MAPPED = longest(MAP.keySet());

    private static final Pattern YAML_STYLE_FLOAT =
            Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern DOT_FLOAT = Pattern.compile("^\\.[0-9]+([eE][-+]?[0-9]+)?$");
    private static final Pattern BASE60_FLOAT =
            Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private YamlResolver() {
    }

    private static int longest(Iterable<String> texts) {
        int longest = 0;
        for (String text : texts) {
            longest = Math.max(longest, text.length());
        }
        return longest;
    }

    /** The tag and value of a scalar with the given (short) tag, or {@code ""} for an untagged plain scalar. */
    static Resolved resolve(String tag, String in) {
        if (!resolvable(tag)) {
            return new Resolved(tag, in);
        }
        Resolved result = resolveImplicit(tag, in);
        if (tag.isEmpty() || tag.equals(result.tag()) || tag.equals(STR) || tag.equals(BINARY)) {
            return result;
        }
        if (tag.equals(FLOAT) && result.tag().equals(INT) && result.value() instanceof Long l) {
            return new Resolved(FLOAT, l.doubleValue());
        }
        throw new IllegalArgumentException("cannot decode " + result.tag() + " as a " + tag);
    }

    private static boolean resolvable(String tag) {
        return tag.isEmpty() || tag.equals(STR) || tag.equals(BOOL) || tag.equals(INT) || tag.equals(FLOAT)
                || tag.equals(NULL) || tag.equals(TIMESTAMP);
    }

    private static char hint(String in) {
        if (in.isEmpty()) {
            return 'N';
        }
        char c = in.charAt(0);
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(c) >= 0) {
            return 'M';
        }
        return c == '.' ? '.' : 0;
    }

    private static Resolved resolveImplicit(String tag, String in) {
        char hint = hint(in);
        if (hint == 0 || tag.equals(STR) || tag.equals(BINARY)) {
            return new Resolved(STR, in);
        }
        Resolved mapped = in.length() <= LONGEST_MAPPED ? MAP.get(in) : null;
        if (mapped != null) {
            return mapped;
        }
        if (hint == '.') {
            if (DOT_FLOAT.matcher(in).matches()) {
                Double d = parseFloat(in);
                if (d != null) {
                    return new Resolved(FLOAT, d);
                }
            }
        } else if (hint == 'D' || hint == 'S') {
            if (tag.isEmpty() || tag.equals(TIMESTAMP)) {
                OffsetDateTime time = parseTimestamp(in);
                if (time != null) {
                    return new Resolved(TIMESTAMP, time);
                }
            }
            String plain = in.replace("_", "");
            Object integer = parseGoInt(plain);
            if (integer != null) {
                return new Resolved(INT, integer);
            }
            if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
                Double d = parseFloat(plain);
                if (d != null) {
                    return new Resolved(FLOAT, d);
                }
            }
            Object prefixed = parsePrefixed(plain);
            if (prefixed != null) {
                return new Resolved(INT, prefixed);
            }
        }
        return new Resolved(STR, in);
    }

    private static Double parseFloat(String text) {
        double d = Double.parseDouble(text);
        return Double.isInfinite(d) ? null : d;
    }

    /** {@code strconv.ParseInt(s, 0, 64)}, falling back to {@code ParseUint}; null when neither accepts it. */
    private static Object parseGoInt(String s) {
        Long small = shortDecimal(s);
        if (small != null) {
            return small;
        }
        boolean negative = false;
        String body = s;
        boolean signed = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
            signed = true;
        }
        BigInteger magnitude = parseUnsignedBase0(body);
        if (magnitude == null) {
            return null;
        }
        BigInteger value = negative ? magnitude.negate() : magnitude;
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        if (!signed && value.signum() > 0 && value.compareTo(UINT64_LIMIT) < 0) {
            return new Unsigned(value);
        }
        return null;
    }

    private static BigInteger parseUnsignedBase0(String s) {
        int radix = 10;
        String digits = s;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x') {
                radix = 16;
                digits = s.substring(2);
            } else if (p == 'b') {
                radix = 2;
                digits = s.substring(2);
            } else if (p == 'o') {
                radix = 8;
                digits = s.substring(2);
            } else {
                radix = 8;
                digits = s.substring(1);
            }
        }
        return parseDigits(digits, radix);
    }

    private static BigInteger parseDigits(String digits, int radix) {
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'z') {
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }

    /** A decimal of at most 18 digits without a leading zero (which would mean octal), read as a long at once; else null. */
    private static Long shortDecimal(String s) {
        int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 1 || digits > 18 || s.charAt(start) == '0' && digits > 1) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    /** yaml.v3's explicit {@code 0b}/{@code 0o} fallbacks (reached only for out-of-range values). */
    private static Object parsePrefixed(String plain) {
        for (String[] prefix : new String[][] {{"0b", "2"}, {"0o", "8"}}) {
            int radix = Integer.parseInt(prefix[1]);
            if (plain.startsWith(prefix[0]) || plain.startsWith("-" + prefix[0])) {
                boolean negative = plain.startsWith("-");
                BigInteger v = parseDigits(plain.substring(prefix[0].length() + (negative ? 1 : 0)), radix);
                if (v == null) {
                    return null;
                }
                if (negative) {
                    v = v.negate();
                    return v.bitLength() < 64 ? v.longValue() : null;
                }
                if (v.bitLength() < 64) {
                    return v.longValue();
                }
                return v.compareTo(UINT64_LIMIT) < 0 ? new Unsigned(v) : null;
            }
        }
        return null;
    }

    /** Strings that YAML 1.1 parsers read as booleans; yaml.v3 quotes them on output. */
    static boolean isOldBool(String s) {
        return switch (s) {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF" -> true;
            default -> false;
        };
    }

    static boolean isBase60Float(String s) {
        int first = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        return s.length() > first && s.charAt(first) >= '0' && s.charAt(first) <= '9' && s.indexOf(':') > first
                && BASE60_FLOAT.matcher(s).matches();
    }

    /** Go {@code time.Parse} with yaml.v3's layouts; null when none matches. */
    static OffsetDateTime parseTimestamp(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i != 4 || i == s.length() || s.charAt(i) != '-') {
            return null;
        }
        return new TimestampParser(s).parse();
    }

    /** The decoded bytes: a string when they are UTF-8, the bytes themselves otherwise (Go strings are bytes). */
    static Object decodeBinary(String text) {
        String compact = text.replace("\n", "").replace("\r", "");
        try {
            byte[] bytes = Base64.getDecoder().decode(compact);
            return RawText.firstInvalidByte(bytes) < 0 ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("!!binary value contains invalid base64 data");
        }
    }

    /** The layouts {@code 2006-1-2T15:4:5.999999999Z07:00} (T or t), {@code 2006-1-2 15:4:5.999999999}, {@code 2006-1-2}. */
    private static final class TimestampParser {
        private final String s;
        private int pos;

        TimestampParser(String s) {
            this.s = s;
        }

        OffsetDateTime parse() {
            int year = Integer.parseInt(s.substring(0, 4));
            pos = 5;
            int month = number();
            if (month < 0 || !expect('-')) {
                return null;
            }
            int day = number();
            if (day < 0) {
                return null;
            }
            if (pos == s.length()) {
                return build(year, month, day, 0, 0, 0, 0, ZoneOffset.UTC);
            }
            char sep = s.charAt(pos);
            if (sep != 'T' && sep != 't' && sep != ' ') {
                return null;
            }
            pos++;
            int hour = number();
            if (hour < 0 || !expect(':')) {
                return null;
            }
            int minute = number();
            if (minute < 0 || !expect(':')) {
                return null;
            }
            int second = number();
            if (second < 0) {
                return null;
            }
            int nanos = 0;
            if (pos + 1 < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == ',') && isDigit(pos + 1)) {
                pos++;
                int start = pos;
                while (pos < s.length() && isDigit(pos)) {
                    pos++;
                }
                String frac = s.substring(start, Math.min(pos, start + 9));
                nanos = Integer.parseInt((frac + "000000000").substring(0, 9));
            }
            ZoneOffset offset = ZoneOffset.UTC;
            if (sep != ' ') {
                if (pos < s.length() && s.charAt(pos) == 'Z') {
                    pos++;
                } else {
                    if (pos + 6 > s.length()) {
                        return null;
                    }
                    char sign = s.charAt(pos);
                    if ((sign != '+' && sign != '-') || s.charAt(pos + 3) != ':' || !isDigit(pos + 1) || !isDigit(pos + 2)
                            || !isDigit(pos + 4) || !isDigit(pos + 5)) {
                        return null;
                    }
                    int hh = Integer.parseInt(s.substring(pos + 1, pos + 3));
                    int mm = Integer.parseInt(s.substring(pos + 4, pos + 6));
                    if (hh > 24 || mm > 60) {
                        return null;
                    }
                    int seconds = (hh * 3600 + mm * 60) * (sign == '-' ? -1 : 1);
                    if (Math.abs(seconds) > 18 * 3600) {
                        return null;
                    }
                    offset = ZoneOffset.ofTotalSeconds(seconds);
                    pos += 6;
                }
            }
            if (pos != s.length()) {
                return null;
            }
            return build(year, month, day, hour, minute, second, nanos, offset);
        }

        private OffsetDateTime build(int year, int month, int day, int hour, int minute, int second, int nanos,
                ZoneOffset offset) {
            if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
                return null;
            }
            if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                return null;
            }
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        }

        private boolean isDigit(int at) {
            return at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9';
        }

        private boolean expect(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** Go's {@code getnum(s, false)}: one or two digits. */
        private int number() {
            if (!isDigit(pos)) {
                return -1;
            }
            int value = s.charAt(pos++) - '0';
            if (isDigit(pos)) {
                value = value * 10 + (s.charAt(pos++) - '0');
            }
            return value;
        }
    }
}
