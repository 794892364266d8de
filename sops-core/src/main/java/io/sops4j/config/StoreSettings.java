package io.sops4j.config;

import io.sops4j.ExitCode;
import io.sops4j.SopsException;
import io.sops4j.store.StoreOptions;
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
        int yaml = indent(stores, "yaml", 0);
        if (yaml < 0) {
            throw new SopsException(ExitCode.GENERIC, "YAML Negative indentation not accepted");
        }
        return new StoreOptions(yaml, indent(stores, "json", -1), indent(stores, "json_binary", -1));
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
