package io.sops4j.keys.age;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The text header of an age v1 file: recipient stanzas and the header MAC. */
final class Header {

    static final String INTRO = "age-encryption.org/v1\n";
    private static final int BYTES_PER_LINE = 48;

    private final List<Stanza> stanzas;
    private final byte[] mac;
    private final int payloadOffset;

    private Header(List<Stanza> stanzas, byte[] mac, int payloadOffset) {
        this.stanzas = List.copyOf(stanzas);
        this.mac = mac;
        this.payloadOffset = payloadOffset;
    }

    List<Stanza> stanzas() {
        return stanzas;
    }

    /** Where the payload (nonce and STREAM chunks) starts in the parsed bytes. */
    int payloadOffset() {
        return payloadOffset;
    }

    /** The header bytes an age writer produces for these stanzas, MAC included. */
    static byte[] encode(List<Stanza> stanzas, byte[] fileKey) {
        String withoutMac = withoutMac(stanzas);
        byte[] mac = mac(fileKey, withoutMac);
        return (withoutMac + " " + AgeCrypto.rawBase64(mac) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    void verifyMac(byte[] fileKey) {
        if (!MessageDigest.isEqual(mac(fileKey, withoutMac(stanzas)), mac)) {
            throw new AgeFailure(AgeFailure.Kind.HMAC, "bad header MAC");
        }
    }

    private static String withoutMac(List<Stanza> stanzas) {
        StringBuilder out = new StringBuilder(INTRO);
        for (Stanza stanza : stanzas) {
            stanza.appendTo(out);
        }
        return out.append("---").toString();
    }

    private static byte[] mac(byte[] fileKey, String headerWithoutMac) {
        byte[] key = AgeCrypto.hkdf(fileKey, new byte[0], "header", 32);
        return AgeCrypto.hmac(key, headerWithoutMac.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Header parse(byte[] file) {
        Lines lines = new Lines(file);
        String intro = lines.next();
        if (intro == null || !(intro + "\n").equals(INTRO)) {
            throw AgeFailure.header(intro != null && intro.startsWith("age-encryption.org/")
                    ? "unsupported age format version" : "not an age file: unexpected intro line");
        }
        List<Stanza> stanzas = new ArrayList<>();
        while (true) {
            String line = lines.next();
            if (line == null) {
                throw AgeFailure.header("header ends before its MAC line");
            }
            if (line.startsWith("---")) {
                String[] parts = line.split(" ", -1);
                byte[] mac = parts.length == 2 && parts[0].equals("---") ? AgeCrypto.decodeRawBase64(parts[1]) : null;
                if (mac == null || mac.length != 32) {
                    throw AgeFailure.header("malformed header MAC line");
                }
                return new Header(stanzas, mac, lines.position());
            }
            String[] parts = line.split(" ", -1);
            if (!parts[0].equals("->") || parts.length < 2) {
                throw AgeFailure.header("malformed stanza opening line");
            }
            for (int i = 1; i < parts.length; i++) {
                if (!isValidArgument(parts[i])) {
                    throw AgeFailure.header("malformed stanza argument");
                }
            }
            stanzas.add(new Stanza(parts[1], Arrays.asList(parts).subList(2, parts.length), readBody(lines)));
        }
    }

    private static byte[] readBody(Lines lines) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            String line = lines.next();
            if (line == null) {
                throw AgeFailure.header("header ends inside a stanza body");
            }
            byte[] decoded = AgeCrypto.decodeRawBase64(line);
            if (decoded == null) {
                throw AgeFailure.header(line.startsWith("---") || line.startsWith("-> ")
                        ? "stanza body ended without a short line" : "malformed stanza body line");
            }
            if (decoded.length > BYTES_PER_LINE) {
                throw AgeFailure.header("stanza body line too long");
            }
            body.writeBytes(decoded);
            if (decoded.length < BYTES_PER_LINE) {
                return body.toByteArray();
            }
        }
    }

    static boolean isValidArgument(String arg) {
        if (arg.isEmpty()) {
            return false;
        }
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }

    /** Newline-terminated lines as Latin-1 text; a line without its newline is no line. */
    private static final class Lines {
        private final byte[] data;
        private int position;

        Lines(byte[] data) {
            this.data = data;
        }

        String next() {
            for (int i = position; i < data.length; i++) {
                if (data[i] == '\n') {
                    String line = new String(data, position, i - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line;
                }
            }
            return null;
        }

        int position() {
            return position;
        }
    }
}
