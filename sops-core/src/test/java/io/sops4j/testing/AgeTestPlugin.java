package io.sops4j.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An age plugin for tests, built on the JDK alone so that the real {@code age} program can run it
 * too: both state machines of the age plugin protocol. Its recipients and identities carry the
 * same 16 random bytes; the file key is sealed with ChaCha20-Poly1305 under a key derived from
 * them into a {@code sops4jtest} stanza. The mode (system property {@code sops4j.plugin.mode})
 * makes it show a message, ask for a PIN ({@value #PIN}), ask for a public value and a
 * confirmation, exit with status 3, answer garbage or hang.
 */
public final class AgeTestPlugin {

    public static final String STANZA_TYPE = "sops4jtest";
    public static final String PIN = "1234";

    /** What the plugin does besides wrapping and unwrapping. */
    public enum Mode { PLAIN, MSG, SECRET, CONFIRM, EXIT, GARBAGE, HANG }

    /** A new identity and its recipient for the plugin {@code name}. */
    public record Key(String identity, String recipient) {
    }

    private final InputStream in;
    private final PrintStream out;
    private final Mode mode;

    private AgeTestPlugin(InputStream in, PrintStream out, Mode mode) {
        this.in = in;
        this.out = out;
        this.mode = mode;
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.valueOf(System.getProperty("sops4j.plugin.mode", "PLAIN"));
        AgeTestPlugin plugin = new AgeTestPlugin(new BufferedInputStream(System.in),
                new PrintStream(System.out, false, StandardCharsets.ISO_8859_1), mode);
        if (args.length == 1 && args[0].equals("--age-plugin=recipient-v1")) {
            plugin.recipientV1();
        } else if (args.length == 1 && args[0].equals("--age-plugin=identity-v1")) {
            plugin.identityV1();
        } else {
            System.err.println("usage: age-plugin-NAME --age-plugin=recipient-v1|identity-v1");
            System.exit(2);
        }
        System.exit(0);
    }

    /** Writes {@code age-plugin-NAME} into {@code dir}: a shell script running this class in {@code mode}. */
    public static Path install(Path dir, String name, Mode mode) {
        try {
            Path classes = Path.of(AgeTestPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path script = dir.resolve("age-plugin-" + name);
            Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
                    + " -Dsops4j.plugin.mode=" + mode + " -cp '" + classes + "' " + AgeTestPlugin.class.getName() + " \"$@\"\n");
            if (!script.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + script + " executable");
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Key newKey(String name) {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return new Key(Bech32.encode("AGE-PLUGIN-" + name.toUpperCase(Locale.ROOT) + "-", secret),
                Bech32.encode("age1" + name.toLowerCase(Locale.ROOT), secret));
    }

    private record Command(String type, List<String> args, byte[] body) {
    }

    private void recipientV1() throws Exception {
        List<byte[]> keys = new ArrayList<>();
        byte[] fileKey = null;
        for (Command c = read(); !c.type.equals("done"); c = read()) {
            switch (c.type) {
                case "add-recipient", "add-identity" -> keys.add(Bech32.decode(c.args.get(0)));
                case "wrap-file-key" -> fileKey = c.body;
                default -> { }
            }
        }
        if (!interact()) {
            return;
        }
        for (byte[] key : keys) {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            send("recipient-stanza", List.of("0", STANZA_TYPE, tag(key), b64(nonce)), seal(Cipher.ENCRYPT_MODE, key, nonce, fileKey));
            expect("ok");
        }
        send("done", List.of(), new byte[0]);
    }

    private void identityV1() throws Exception {
        List<byte[]> keys = new ArrayList<>();
        List<Command> stanzas = new ArrayList<>();
        for (Command c = read(); !c.type.equals("done"); c = read()) {
            switch (c.type) {
                case "add-identity" -> keys.add(Bech32.decode(c.args.get(0)));
                case "recipient-stanza" -> stanzas.add(c);
                default -> { }
            }
        }
        if (!interact()) {
            return;
        }
        search:
        for (byte[] key : keys) {
            for (Command stanza : stanzas) {
                List<String> args = stanza.args;
                if (args.size() == 4 && args.get(1).equals(STANZA_TYPE) && args.get(2).equals(tag(key))) {
                    byte[] fileKey;
                    try {
                        fileKey = seal(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(args.get(3)), stanza.body);
                    } catch (GeneralSecurityException e) {
                        continue;
                    }
                    send("file-key", List.of("0"), fileKey);
                    expect("ok");
                    break search;
                }
            }
        }
        send("done", List.of(), new byte[0]);
    }

    /** What the mode asks of the client before the work; false when the plugin has ended with an error. */
    private boolean interact() throws IOException, InterruptedException {
        switch (mode) {
            case EXIT -> {
                System.err.println("test age plugin: failing on purpose");
                System.exit(3);
            }
            case GARBAGE -> {
                out.print("this is not an age plugin stanza\n");
                out.flush();
                System.exit(0);
            }
            case HANG -> Thread.sleep(600_000);
            case MSG -> {
                send("msg", List.of(), "touch the test token".getBytes(StandardCharsets.UTF_8));
                expect("ok");
            }
            case SECRET -> {
                send("request-secret", List.of(), "PIN of the test token:".getBytes(StandardCharsets.UTF_8));
                Command answer = read();
                String error = !answer.type.equals("ok") ? "a PIN is required"
                        : !new String(answer.body, StandardCharsets.UTF_8).equals(PIN) ? "wrong PIN" : null;
                if (error != null) {
                    send("error", List.of("internal"), error.getBytes(StandardCharsets.UTF_8));
                    expect("ok");
                    return false;
                }
            }
            case CONFIRM -> {
                send("request-public", List.of(), "serial of the test token:".getBytes(StandardCharsets.UTF_8));
                Command serial = read();
                send("confirm", List.of(b64("use it".getBytes(StandardCharsets.UTF_8)), b64("stop".getBytes(StandardCharsets.UTF_8))),
                        ("use the token " + new String(serial.body, StandardCharsets.UTF_8) + "?").getBytes(StandardCharsets.UTF_8));
                Command choice = read();
                String error = !serial.type.equals("ok") || !choice.type.equals("ok") ? "a confirmation is required"
                        : !choice.args.equals(List.of("yes")) ? "declined" : null;
                if (error != null) {
                    send("error", List.of("internal"), error.getBytes(StandardCharsets.UTF_8));
                    expect("ok");
                    return false;
                }
            }
            default -> { }
        }
        return true;
    }

    private static String tag(byte[] key) throws GeneralSecurityException {
        return b64(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 6));
    }

    private static byte[] seal(int opmode, byte[] key, byte[] nonce, byte[] data) throws GeneralSecurityException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("sops4jtest-v1".getBytes(StandardCharsets.US_ASCII));
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(opmode, new SecretKeySpec(sha.digest(key), "ChaCha20"), new IvParameterSpec(nonce));
        return cipher.doFinal(data);
    }

    private static String b64(byte[] data) {
        return Base64.getEncoder().withoutPadding().encodeToString(data);
    }

    private void expect(String type) throws IOException {
        Command response = read();
        if (!response.type.equals(type)) {
            throw new IOException("expected " + type + ", got " + response.type);
        }
    }

    private void send(String type, List<String> args, byte[] body) {
        StringBuilder text = new StringBuilder("-> ").append(type);
        args.forEach(a -> text.append(' ').append(a));
        text.append('\n');
        String encoded = b64(body);
        int i = 0;
        for (; i + 64 <= encoded.length(); i += 64) {
            text.append(encoded, i, i + 64).append('\n');
        }
        text.append(encoded, i, encoded.length()).append('\n');
        out.print(text);
        out.flush();
    }

    private Command read() throws IOException {
        String[] first = line().split(" ");
        if (first.length < 2 || !first[0].equals("->")) {
            throw new IOException("malformed stanza");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = line();
            body.writeBytes(Base64.getDecoder().decode(line));
            if (line.length() < 64) {
                break;
            }
        }
        return new Command(first[1], List.of(first).subList(2, first.length), body.toByteArray());
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("unexpected end of input");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Just enough BIP 173 Bech32 for the plugin's keys. */
    static final class Bech32 {
        private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

        static String encode(String hrp, byte[] data) {
            String lowerHrp = hrp.toLowerCase(Locale.ROOT);
            byte[] values = convert(data, 8, 5);
            byte[] all = Arrays.copyOf(values, values.length + 6);
            int mod = polymod(lowerHrp, all) ^ 1;
            for (int i = 0; i < 6; i++) {
                all[values.length + i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
            }
            StringBuilder out = new StringBuilder(lowerHrp).append('1');
            for (byte v : all) {
                out.append(CHARSET.charAt(v));
            }
            return hrp.equals(lowerHrp) ? out.toString() : out.toString().toUpperCase(Locale.ROOT);
        }

        static byte[] decode(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            int separator = lower.lastIndexOf('1');
            byte[] values = new byte[lower.length() - separator - 1];
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) CHARSET.indexOf(lower.charAt(separator + 1 + i));
            }
            if (polymod(lower.substring(0, separator), values) != 1) {
                throw new IllegalArgumentException("invalid checksum");
            }
            byte[] bits = convert(Arrays.copyOf(values, values.length - 6), 5, 8);
            return Arrays.copyOf(bits, (values.length - 6) * 5 / 8);
        }

        private static int polymod(String hrp, byte[] values) {
            int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            hrp.chars().forEach(c -> all.write(c >> 5));
            all.write(0);
            hrp.chars().forEach(c -> all.write(c & 31));
            all.writeBytes(values);
            int chk = 1;
            for (byte v : all.toByteArray()) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ v;
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= generator[i];
                    }
                }
            }
            return chk;
        }

        private static byte[] convert(byte[] data, int from, int to) {
            int acc = 0;
            int bits = 0;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte b : data) {
                acc = (acc << from) | (b & 0xff);
                bits += from;
                while (bits >= to) {
                    bits -= to;
                    out.write((acc >>> bits) & ((1 << to) - 1));
                }
            }
            if (bits > 0 && to == 5) {
                out.write((acc << (to - bits)) & 31);
            }
            return out.toByteArray();
        }
    }
}
