package io.sops4j.keys.age;

import java.util.List;

/** One recipient stanza of an age header: {@code -> type args...} and a wrapped file key. */
record Stanza(String type, List<String> args, byte[] body) {

    Stanza {
        args = List.copyOf(args);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    void appendTo(StringBuilder out) {
        out.append("-> ").append(type);
        for (String arg : args) {
            out.append(' ').append(arg);
        }
        out.append('\n');
        String encoded = AgeCrypto.rawBase64(body);
        int i = 0;
        for (; i + 64 <= encoded.length(); i += 64) {
            out.append(encoded, i, i + 64).append('\n');
        }
        out.append(encoded, i, encoded.length()).append('\n');
    }
}
