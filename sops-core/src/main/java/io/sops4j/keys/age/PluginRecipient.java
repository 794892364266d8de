package io.sops4j.keys.age;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code age1NAME1...} recipient: the file key is wrapped by {@code age-plugin-NAME} through the
 * {@code recipient-v1} state machine of the age plugin protocol.
 */
final class PluginRecipient implements Recipient {

    private final String name;
    private final String encoding;
    private final PluginHost host;

    private PluginRecipient(String name, String encoding, PluginHost host) {
        this.name = name;
        this.encoding = encoding;
        this.host = host;
    }

    static PluginRecipient parse(String recipient, PluginHost host) {
        return new PluginRecipient(PluginName.ofRecipient(recipient), recipient, host);
    }

    @Override
    public List<Stanza> wrap(byte[] fileKey) {
        try (PluginConnection plugin = PluginConnection.open(name, "recipient-v1", host)) {
            return wrap(plugin, fileKey);
        }
    }

    /** The {@code recipient-v1} state machine over an open connection. */
    List<Stanza> wrap(PluginConnection plugin, byte[] fileKey) {
        plugin.write("add-recipient", encoding);
        plugin.write("wrap-file-key", List.of(), fileKey);
        plugin.write("extension-labels");
        plugin.write("done");
        List<Stanza> stanzas = new ArrayList<>();
        PluginRequests requests = new PluginRequests(name, host.ui(), plugin);
        boolean labels = false;
        while (true) {
            Stanza command = plugin.read();
            switch (command.type()) {
                case "recipient-stanza" -> {
                    List<String> args = command.args();
                    if (args.size() < 2) {
                        throw plugin.failure("malformed recipient stanza: unexpected argument count");
                    }
                    if (!args.get(0).equals("0")) {
                        throw plugin.failure("malformed recipient stanza: unexpected index");
                    }
                    stanzas.add(new Stanza(args.get(1), args.subList(2, args.size()), command.body()));
                    plugin.write("ok");
                }
                case "labels" -> {
                    if (labels) {
                        throw plugin.failure("repeated labels stanza");
                    }
                    labels = true;
                    plugin.write("ok");
                }
                case "error" -> {
                    plugin.write("ok");
                    throw plugin.failure(requests.withPromptFailure(PluginRequests.text(command.body())));
                }
                case "done" -> {
                    plugin.finish();
                    if (stanzas.isEmpty()) {
                        throw plugin.failure(requests.withPromptFailure("received zero recipient stanzas"));
                    }
                    return stanzas;
                }
                default -> requests.handle(command);
            }
        }
    }

    @Override
    public String toString() {
        return encoding;
    }
}
