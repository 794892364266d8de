package io.sops4j.spring;

import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyService;
import io.sops4j.keyservice.KeyServiceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients of {@code sops.key-services}, one per URI for the life of the application: every
 * import and profile resolved at start-up shares them, and they connect only when a file needs them.
 */
final class KeyServiceClients {

    private static final Map<String, KeyService> BY_URI = new ConcurrentHashMap<>();

    private KeyServiceClients() {
    }

    static List<KeyService> connect(String property, List<String> uris) {
        List<KeyService> services = new ArrayList<>();
        for (String uri : uris) {
            try {
                services.add(BY_URI.computeIfAbsent(uri, KeyServiceClient::connect));
            } catch (SopsException e) {
                throw SopsConfigDataException.invalidKeyService(property, e.getMessage());
            } catch (LinkageError e) {
                throw SopsConfigDataException.invalidKeyService(property, "io.sops4j:sops-keyservice is not on the class path");
            }
        }
        return services;
    }
}
