package io.sops4j.fuzz;

import io.sops4j.Sops;
import io.sops4j.keys.KeyEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The public test-only age key of the repository, to which the encrypted seeds are encrypted. */
public final class DemoKey {

    public static final String RECIPIENT = "age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev";

    private DemoKey() {
    }

    public static String identity() {
        try (InputStream in = DemoKey.class.getResourceAsStream("/io/sops4j/testdata/keys/demo-age.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> line.startsWith("AGE-SECRET-KEY-")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@link Sops} that finds only this key. */
    public static Sops sops() {
        return Sops.builder()
                .environment(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", identity()), Path.of(System.getProperty("java.io.tmpdir"))))
                .build();
    }
}
