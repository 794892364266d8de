package io.sops4j.internal.store.yaml;

/** yaml.v3 reads only UTF-8 and names the first octet that is not, with the same words. */
final class Utf8Check {

    private Utf8Check() {
    }

    /** The problem with the first byte that is not valid UTF-8, with its line, or null when all are. */
    static String firstProblem(byte[] input) {
        int line = 1;
        int i = 0;
        while (i < input.length) {
            int octet = input[i] & 0xFF;
            if (octet < 0x80) {
                if (octet == '\n') {
                    line++;
                }
                i++;
                continue;
            }
            int width = (octet & 0xE0) == 0xC0 ? 2 : (octet & 0xF0) == 0xE0 ? 3 : (octet & 0xF8) == 0xF0 ? 4 : 0;
            if (width == 0) {
                return at("invalid leading UTF-8 octet", line);
            }
            if (i + width > input.length) {
                return at("incomplete UTF-8 octet sequence", line);
            }
            int value = octet & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07);
            for (int k = 1; k < width; k++) {
                int trailing = input[i + k] & 0xFF;
                if ((trailing & 0xC0) != 0x80) {
                    return at("invalid trailing UTF-8 octet", line);
                }
                value = (value << 6) + (trailing & 0x3F);
            }
            if (!(width == 2 && value >= 0x80 || width == 3 && value >= 0x800 || width == 4 && value >= 0x10000)) {
                return at("invalid length of a UTF-8 sequence", line);
            }
            if (value >= 0xD800 && value <= 0xDFFF || value > 0x10FFFF) {
                return at("invalid Unicode character", line);
            }
            i += width;
        }
        return null;
    }

    private static String at(String problem, int line) {
        return "yaml: " + problem + " (line " + line + ")";
    }
}
