package io.sops4j.keys.age;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The ASCII armor of age files, written as age writes it and read as strictly as age reads it. */
final class Armor {

    static final String BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    static final String END = "-----END AGE ENCRYPTED FILE-----";
    private static final int COLUMNS = 64;
    private static final int BYTES_PER_LINE = 48;
    private static final int MAX_WHITESPACE = 1024;

    private Armor() {
    }

    static String encode(byte[] data) {
        String encoded = Base64.getEncoder().encodeToString(data);
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < encoded.length(); i += COLUMNS) {
            out.append(encoded, i, Math.min(encoded.length(), i + COLUMNS)).append('\n');
        }
        return out.append(END).append('\n').toString();
    }

    static boolean looksArmored(byte[] data) {
        int i = 0;
        while (i < data.length && isSpace(data[i])) {
            i++;
        }
        byte[] begin = BEGIN.getBytes(StandardCharsets.US_ASCII);
        if (data.length - i < begin.length) {
            return false;
        }
        for (int j = 0; j < begin.length; j++) {
            if (data[i + j] != begin[j]) {
                return false;
            }
        }
        return true;
    }

    static byte[] decode(byte[] armored) {
        Reader reader = new Reader(armored);
        int skipped = 0;
        String first;
        while (true) {
            int start = reader.position;
            first = reader.line();
            if (first == null) {
                throw failure("no armored data");
            }
            if (first.isBlank() && skipped < MAX_WHITESPACE && isAllSpace(armored, start, reader.position)) {
                skipped += reader.position - start;
                continue;
            }
            break;
        }
        if (!first.equals(BEGIN)) {
            throw failure("invalid first line of armored data");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String line = reader.line();
            if (line == null) {
                throw failure("armored data ends without its closing line");
            }
            if (line.equals(END)) {
                break;
            }
            if (line.length() > COLUMNS) {
                throw failure("armored line exceeds " + COLUMNS + " columns");
            }
            byte[] decoded = line.isEmpty() ? null : AgeCrypto.decodePaddedBase64(line);
            if (decoded == null) {
                throw failure("invalid base64 in armored data");
            }
            out.writeBytes(decoded);
            if (decoded.length < BYTES_PER_LINE) {
                String closing = reader.line();
                if (!END.equals(closing)) {
                    throw failure("invalid closing line of armored data");
                }
                break;
            }
        }
        int rest = armored.length - reader.position;
        if (!isAllSpace(armored, reader.position, armored.length)) {
            throw failure("trailing data after armored file");
        }
        if (rest >= MAX_WHITESPACE) {
            throw failure("too much trailing whitespace after armored file");
        }
        return out.toByteArray();
    }

    private static AgeFailure failure(String message) {
        return new AgeFailure(AgeFailure.Kind.ARMOR, message);
    }

    private static boolean isAllSpace(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(data[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
    }

    /** Lines ending in LF or CRLF; the last line may lack its end of line. */
    private static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        String line() {
            if (position >= data.length) {
                return null;
            }
            int end = position;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            int next = end < data.length ? end + 1 : end;
            if (end > position && data[end - 1] == '\r') {
                end--;
            }
            String line = new String(data, position, end - position, StandardCharsets.ISO_8859_1);
            position = next;
            return line;
        }
    }
}
