package io.sops4j.benchmarks;

import io.sops4j.format.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark inputs to a directory: {@code key.txt} (a fresh age identity) and, per
 * format and size, {@code plain-SIZE.EXT} and {@code enc-SIZE.EXT} encrypted to that identity.
 *
 * <p>Usage: {@code Prepare DIR SIZE...} (sizes like {@code 10k}, {@code 1m}, {@code 20m}).
 */
public final class Prepare {

    private Prepare() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Fixture fixture = Fixture.create();
        Files.writeString(dir.resolve("key.txt"), fixture.identity() + "\n", StandardCharsets.UTF_8);
        for (Format format : new Format[] {Format.YAML, Format.JSON}) {
            String ext = format.cliName();
            for (int i = 1; i < args.length; i++) {
                String size = args[i];
                byte[] plaintext = Inputs.generate(format, Inputs.parseSize(size));
                Files.write(dir.resolve("plain-" + size + "." + ext), plaintext);
                Files.write(dir.resolve("enc-" + size + "." + ext), fixture.encrypt(plaintext, format));
            }
        }
    }
}
