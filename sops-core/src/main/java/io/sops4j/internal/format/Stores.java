package io.sops4j.internal.format;

import io.sops4j.format.Format;
import io.sops4j.format.StoreOptions;
import io.sops4j.internal.store.Store;
import io.sops4j.internal.store.binary.BinaryStore;
import io.sops4j.internal.store.dotenv.DotenvStore;
import io.sops4j.internal.store.ini.IniStore;
import io.sops4j.internal.store.json.JsonStore;
import io.sops4j.internal.store.yaml.YamlStore;

/** The store that reads and writes each {@link Format}. */
public final class Stores {

    private Stores() {
    }

    public static Store of(Format format, StoreOptions options) {
        return switch (format) {
            case YAML -> new YamlStore(options.yamlIndent());
            case JSON -> new JsonStore(options.jsonIndent());
            case DOTENV -> new DotenvStore();
            case INI -> new IniStore();
            case BINARY -> new BinaryStore(options.jsonBinaryIndent());
        };
    }

    public static Store of(Format format) {
        return of(format, StoreOptions.DEFAULTS);
    }
}
