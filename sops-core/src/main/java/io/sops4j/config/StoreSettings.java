package io.sops4j.config;

import io.sops4j.format.StoreOptions;
import java.util.Map;

/** The {@code stores:} section: indentation of YAML, JSON and the JSON envelope of binary files. */
final class StoreSettings {

    private StoreSettings() {
    }

    static StoreOptions from(Object section) {
        if (section == null) {
            return StoreOptions.DEFAULTS;
        }
        Map<String, Object> stores = ConfigValues.map(section, "stores");
        return new StoreOptions(indent(stores, "yaml", 0), indent(stores, "json", -1), indent(stores, "json_binary", -1));
    }

    private static int indent(Map<String, Object> stores, String name, int fallback) {
        Object store = stores.get(name);
        if (store == null) {
            return fallback;
        }
        Object indent = ConfigValues.map(store, "stores." + name).get("indent");
        return indent == null ? fallback : ConfigValues.integer(indent, "stores." + name + ".indent");
    }
}
