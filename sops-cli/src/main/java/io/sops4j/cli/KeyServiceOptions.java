package io.sops4j.cli;

import io.sops4j.Sops;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeyService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** Upstream's key-service flags of every command that wraps or unwraps a data key. */
final class KeyServiceOptions {

    private static final Set<String> GO_FALSE = Set.of("0", "f", "false");

    @Option(names = "--keyservice", paramLabel = "URI",
            description = "Specify the key services to use in addition to the local one. Can be specified more than once. "
                    + "Syntax: protocol://address. Example: tcp://myserver.com:5000 (SOPS_KEYSERVICE)")
    List<String> uris;

    @Option(names = "--enable-local-keyservice", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "use local key service (SOPS_ENABLE_LOCAL_KEYSERVICE, default true)")
    Boolean enableLocal;

    /** {@code builder} with the key services to use; gRPC is loaded only when one is named. */
    Sops.Builder apply(Sops.Builder builder) {
        KeyEnvironment environment = KeyEnvironment.system();
        Optional<String> localVariable = environment.get("SOPS_ENABLE_LOCAL_KEYSERVICE");
        boolean local = enableLocal != null ? enableLocal : localVariable.isEmpty() || goBool(localVariable.get());
        Optional<String> namedVariable = environment.get("SOPS_KEYSERVICE");
        List<String> named = uris != null ? uris : namedVariable.isPresent() ? split(namedVariable.get()) : List.of();
        if (local && named.isEmpty()) {
            return builder;
        }
        List<KeyService> services = new ArrayList<>();
        for (String uri : named) {
            services.add(RemoteKeyServices.connect(uri));
        }
        return builder.environment(environment.withLocalKeyService(local).withKeyServices(services));
    }

    /** Go's {@code strconv.ParseBool} as urfave/cli reads a BoolT flag's variable: only a false value turns it off. */
    private static boolean goBool(String value) {
        return !GO_FALSE.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static List<String> split(String value) {
        List<String> uris = new ArrayList<>();
        for (String uri : value.split(",")) {
            if (!uri.isBlank()) {
                uris.add(uri.strip());
            }
        }
        return uris;
    }
}
