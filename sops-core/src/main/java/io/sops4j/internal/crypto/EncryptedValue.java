package io.sops4j.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The parts of an {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]} string. */
record EncryptedValue(byte[] data, byte[] iv, byte[] tag, String type) {

    private static final String PREFIX = "ENC[AES256_GCM,data:";
    private static final String IV = ",iv:";
    private static final String TAG = ",tag:";
    private static final String TYPE = ",type:";
    private static final int FORMAT_OVERHEAD = PREFIX.length() + IV.length() + TAG.length() + TYPE.length() + 1;

    static boolean looksEncrypted(String text) {
        return Match.of(text) != null;
    }

    /**
     * Parses like upstream: anchored at the start only, greedy groups, strict base64. Upstream's
     * decoder also skips CR and LF, which cannot occur here: the match ends at the first line end.
     */
    static EncryptedValue parse(String text) {
        Match whole = Match.ofWholeText(text);
        if (whole != null) {
            try {
                return decode(text, whole);
            } catch (IllegalArgumentException e) {
                // a part that is not base64 may hold a line end, so the full match decides
            }
        }
        Match m = Match.of(text);
        if (m == null) {
            throw new IllegalArgumentException("Input string does not match sops' data format");
        }
        return decode(text, m);
    }

    private static EncryptedValue decode(String text, Match m) {
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        return new EncryptedValue(decode(latin1, PREFIX.length(), m.iv, "data"),
                decode(latin1, m.iv + IV.length(), m.tag, "iv"),
                decode(latin1, m.tag + TAG.length(), m.type, "tag"),
                text.substring(m.type + TYPE.length(), m.end));
    }

    private static byte[] decode(byte[] latin1, int from, int to, String part) {
        ByteBuffer decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(latin1, from, to - from));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Error base64-decoding " + part);
        }
        byte[] bytes = decoded.array();
        return decoded.remaining() == bytes.length ? bytes : Arrays.copyOf(bytes, decoded.remaining());
    }

    /** Built in one buffer of the final length: it runs once per value written. */
    String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        String encodedData = b64.encodeToString(data);
        String encodedIv = b64.encodeToString(iv);
        String encodedTag = b64.encodeToString(tag);
        return new StringBuilder(FORMAT_OVERHEAD + encodedData.length() + encodedIv.length() + encodedTag.length() + type.length())
                .append(PREFIX).append(encodedData)
                .append(IV).append(encodedIv)
                .append(TAG).append(encodedTag)
                .append(TYPE).append(type).append(']')
                .toString();
    }

    /**
     * Where the separators are in a match of
     * {@code ^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]} found with {@code lookingAt}
     * (greedy groups, {@code .} stopping at line terminators), without a regex engine: the match
     * lies within the first line, each greedy group takes the last separator that still leaves the
     * following groups non-empty, and the closing bracket is the last one on that line.
     */
    private record Match(int iv, int tag, int type, int end) {

        private static final char[] LINE_TERMINATORS = {'\n', '\r', '\u0085', '\u2028', '\u2029'};

        static Match of(String text) {
            if (!text.startsWith(PREFIX)) {
                return null;
            }
            int lineEnd = lineEnd(text);
            int end = text.lastIndexOf(']', lineEnd - 1);
            int type = end < 0 ? -1 : text.lastIndexOf(TYPE, end - TYPE.length() - 1);
            int tag = type < 0 ? -1 : text.lastIndexOf(TAG, type - TAG.length() - 1);
            int iv = tag < 0 ? -1 : text.lastIndexOf(IV, tag - IV.length() - 1);
            if (iv < PREFIX.length() + 1) {
                return null;
            }
            return new Match(iv, tag, type, end);
        }

        /**
         * The form every writer produces, found without the backward searches of {@link #of}:
         * exactly three commas after the prefix, each opening its separator, the closing bracket
         * last. Each separator then occurs once, so the greedy groups can only end there, and no
         * line end comes before the bracket once the three base64 parts decode (their alphabet has
         * none) and the type part holds none. Null for any other form, which {@link #of} decides.
         */
        static Match ofWholeText(String text) {
            int end = text.length() - 1;
            if (!text.startsWith(PREFIX) || text.charAt(end) != ']') {
                return null;
            }
            int iv = text.indexOf(',', PREFIX.length() + 1);
            int tag = iv < 0 ? -1 : text.indexOf(',', iv + IV.length() + 1);
            int type = tag < 0 ? -1 : text.indexOf(',', tag + TAG.length() + 1);
            if (type < 0 || type + TYPE.length() >= end || text.indexOf(',', type + 1) >= 0
                    || !text.startsWith(IV, iv) || !text.startsWith(TAG, tag) || !text.startsWith(TYPE, type)
                    || hasLineTerminator(text, type + TYPE.length(), end)) {
                return null;
            }
            return new Match(iv, tag, type, end);
        }

        private static boolean hasLineTerminator(String text, int from, int to) {
            for (int i = from; i < to; i++) {
                for (char terminator : LINE_TERMINATORS) {
                    if (text.charAt(i) == terminator) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The first line terminator of {@link java.util.regex.Pattern} without flags, or the length. */
        private static int lineEnd(String text) {
            int end = text.length();
            for (char terminator : LINE_TERMINATORS) {
                int at = text.indexOf(terminator, PREFIX.length());
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            return end;
        }
    }
}
