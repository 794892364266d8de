package io.sops4j.maven;

import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyService;
import io.sops4j.keyservice.KeyServiceClient;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/** The clients of the key services a goal names, closed when the goal ends. */
final class KeyServiceConnections implements AutoCloseable {

    private final List<KeyServiceClient> clients;

    private KeyServiceConnections(List<KeyServiceClient> clients) {
        this.clients = clients;
    }

    static KeyServiceConnections open(List<String> uris, String goal) throws MojoFailureException {
        List<KeyServiceClient> clients = new ArrayList<>();
        try {
            for (String uri : uris) {
                clients.add(KeyServiceClient.connect(uri));
            }
        } catch (SopsException e) {
            new KeyServiceConnections(clients).close();
            throw new MojoFailureException("sops:" + goal + " failed: " + e.getMessage());
        } catch (LinkageError e) {
            throw new MojoFailureException("sops:" + goal + " failed: keyServices needs io.sops4j:sops-keyservice "
                    + "as a dependency of the plugin");
        }
        return new KeyServiceConnections(clients);
    }

    List<KeyService> services() {
        return List.copyOf(clients);
    }

    @Override
    public void close() {
        clients.forEach(KeyServiceClient::close);
    }
}
