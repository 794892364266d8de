package io.sops4j.keys.age;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers what both plugin state machines may ask of the user: {@code msg}, {@code request-public},
 * {@code request-secret} and {@code confirm}; anything else is {@code unsupported}. A request the
 * user interface cannot answer is told to the plugin as {@code fail} and remembered, so that the
 * error in the end says why.
 */
final class PluginRequests {

    private static final int MAX_TEXT = 1024;

    private final String name;
    private final PluginUi ui;
    private final PluginConnection plugin;
    private String promptFailure;

    PluginRequests(String name, PluginUi ui, PluginConnection plugin) {
        this.name = name;
        this.ui = ui;
        this.plugin = plugin;
    }

    void handle(Stanza command) {
        String type = command.type();
        switch (type) {
            case "msg" -> {
                ui.message(name, text(command.body()));
                plugin.write("ok");
            }
            case "request-public", "request-secret" -> {
                String answer;
                try {
                    answer = ui.requestValue(name, text(command.body()), type.equals("request-secret"));
                } catch (PluginUi.Unavailable e) {
                    promptFailure = e.getMessage();
                    plugin.write("fail");
                    return;
                }
                plugin.write("ok", List.of(), answer.getBytes(StandardCharsets.UTF_8));
            }
            case "confirm" -> confirm(command);
            default -> plugin.write("unsupported");
        }
    }

    private void confirm(Stanza command) {
        List<String> args = command.args();
        if (args.size() != 1 && args.size() != 2) {
            throw plugin.failure("malformed confirm stanza: unexpected number of arguments");
        }
        byte[] yes = AgeCrypto.decodeRawBase64(args.get(0));
        byte[] no = args.size() == 2 ? AgeCrypto.decodeRawBase64(args.get(1)) : new byte[0];
        if (yes == null || no == null) {
            throw plugin.failure("malformed confirm stanza: invalid option encoding");
        }
        boolean choseYes;
        try {
            choseYes = ui.confirm(name, text(command.body()), text(yes), text(no));
        } catch (PluginUi.Unavailable e) {
            promptFailure = e.getMessage();
            plugin.write("fail");
            return;
        }
        plugin.write("ok", choseYes ? "yes" : "no");
    }

    /** Why a request of the plugin went unanswered, or null. */
    String promptFailure() {
        return promptFailure;
    }

    String withPromptFailure(String message) {
        return promptFailure == null ? message : message + " (" + promptFailure + ")";
    }

    /** Text the plugin sent, for showing: printable and bounded. */
    static String text(byte[] body) {
        String text = TerminalPluginUi.printable(new String(body, StandardCharsets.UTF_8));
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }
}
