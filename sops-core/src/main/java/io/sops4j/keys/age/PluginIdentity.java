package io.sops4j.keys.age;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code AGE-PLUGIN-NAME-1...} identity: {@code age-plugin-NAME} is given every stanza of the
 * header through the {@code identity-v1} state machine of the age plugin protocol and may answer
 * with the file key.
 */
final class PluginIdentity implements Identity {

    private final String name;
    private final String encoding;
    private final String source;
    private final PluginHost host;

    private PluginIdentity(String name, String encoding, String source, PluginHost host) {
        this.name = name;
        this.encoding = encoding;
        this.source = source;
        this.host = host;
    }

    static PluginIdentity parse(String identity, String source, PluginHost host) {
        return new PluginIdentity(PluginName.ofIdentity(identity, source), identity, source, host);
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        try (PluginConnection plugin = PluginConnection.open(name, "identity-v1", host)) {
            return unwrap(plugin, stanzas);
        }
    }

    /** The {@code identity-v1} state machine over an open connection. */
    byte[] unwrap(PluginConnection plugin, List<Stanza> stanzas) {
        plugin.write("add-identity", encoding);
        for (Stanza stanza : stanzas) {
            plugin.write("recipient-stanza", forFileZero(stanza), stanza.body());
        }
        plugin.write("done");
        PluginRequests requests = new PluginRequests(name, host.ui(), plugin);
        byte[] fileKey = null;
        while (true) {
            Stanza command = plugin.read();
            switch (command.type()) {
                case "file-key" -> {
                    if (command.args().size() != 1) {
                        throw plugin.failure("malformed file-key stanza: unexpected arguments count");
                    }
                    if (!command.args().get(0).equals("0")) {
                        throw plugin.failure("malformed file-key stanza: unexpected index");
                    }
                    if (fileKey != null) {
                        throw plugin.failure("received duplicated file-key stanza");
                    }
                    fileKey = command.body();
                    plugin.write("ok");
                }
                case "error" -> {
                    plugin.write("ok");
                    throw plugin.failure(requests.withPromptFailure(PluginRequests.text(command.body())));
                }
                case "done" -> {
                    plugin.finish();
                    if (fileKey == null && requests.promptFailure() != null) {
                        throw plugin.failure(requests.promptFailure());
                    }
                    return fileKey;
                }
                default -> requests.handle(command);
            }
        }
    }

    /** The arguments of {@code recipient-stanza}: file index 0, then the header stanza's type and arguments. */
    private static List<String> forFileZero(Stanza stanza) {
        List<String> args = new ArrayList<>(List.of("0", stanza.type()));
        args.addAll(stanza.args());
        return args;
    }

    @Override
    public String describe() {
        return "age plugin identity (age-plugin-" + name + ") from " + source;
    }
}
