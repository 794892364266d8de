package io.sops4j.internal.store.yaml;

import java.io.Reader;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The events of a YAML text, as snakeyaml-engine's {@code api.lowlevel.Parse} gives them; built from
 * the parser itself because the engine's module does not export {@code api.lowlevel}, so that
 * sops-core also reads YAML on the module path.
 */
public final class YamlEvents {

    private YamlEvents() {
    }

    /** Parses lazily, once per iteration. */
    public static Iterable<Event> of(LoadSettings settings, Reader text) {
        return () -> new ParserImpl(settings, new StreamReader(settings, text));
    }
}
