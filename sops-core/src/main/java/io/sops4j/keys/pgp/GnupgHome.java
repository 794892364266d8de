package io.sops4j.keys.pgp;

import io.sops4j.keys.KeyEnvironment;
import java.nio.file.Path;
import java.util.Optional;

/** The GnuPG home directory: {@code $GNUPGHOME}, else {@code <home>/.gnupg}. */
record GnupgHome(Path directory, boolean explicit) {

    static GnupgHome of(KeyEnvironment environment) {
        Optional<String> configured = environment.get("GNUPGHOME");
        return configured
                .map(dir -> new GnupgHome(Path.of(dir), true))
                .orElseGet(() -> new GnupgHome(environment.home().resolve(".gnupg"), false));
    }

    Path resolve(String name) {
        return directory.resolve(name);
    }
}
