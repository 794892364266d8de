package io.sops4j.cli;

import io.sops4j.ExitCode;
import io.sops4j.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The master-key flags of {@code encrypt}, each with upstream's environment variable. */
final class KeyOptions {

    @Option(names = {"-a", "--age"}, description = "comma separated list of age recipients")
    String age;

    @Option(names = {"-p", "--pgp"}, description = "comma separated list of PGP fingerprints")
    String pgp;

    /** The keys given on the command line or in the environment; empty when none. */
    List<MasterKey> keys(KeyEnvironment environment, KeySources sources) {
        List<MasterKey> keys = new ArrayList<>();
        add(keys, sources, "pgp", orEnv(pgp, environment, "SOPS_PGP_FP"));
        add(keys, sources, "age", orEnv(age, environment, "SOPS_AGE_RECIPIENTS"));
        return keys;
    }

    private static String orEnv(String flag, KeyEnvironment environment, String variable) {
        return flag != null ? flag : environment.get(variable).orElse(null);
    }

    private static void add(List<MasterKey> keys, KeySources sources, String type, String list) {
        if (list == null || list.isBlank()) {
            return;
        }
        KeySource source = sources.find(type).orElseThrow(() ->
                new SopsException(ExitCode.GENERIC, "no key source for '" + type + "' keys is installed"));
        for (String identifier : list.split(",")) {
            String trimmed = identifier.trim();
            if (!trimmed.isEmpty()) {
                keys.add(source.fromIdentifier(trimmed));
            }
        }
    }
}
