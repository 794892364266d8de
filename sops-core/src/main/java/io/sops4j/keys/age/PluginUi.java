package io.sops4j.keys.age;

/**
 * How an age plugin talks to the user: messages, requested values and confirmations. A request
 * that cannot be answered fails with {@link Unavailable}, which the plugin is told as {@code fail}.
 */
interface PluginUi {

    void message(String plugin, String message);

    String requestValue(String plugin, String prompt, boolean secret) throws Unavailable;

    boolean confirm(String plugin, String prompt, String yes, String no) throws Unavailable;

    /** The plugin has kept the user waiting for a while, for example for a touch of a hardware key. */
    void waiting(String plugin);

    /** No answer could be had; the message says why and never holds an answer. */
    final class Unavailable extends Exception {

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
