package io.sops4j.config;

import io.sops4j.internal.limits.NestingLimit;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Rejects a configuration nested deeper than yaml.v3 allows before it is composed recursively. */
final class ConfigNesting {

    private ConfigNesting() {
    }

    static void check(String text, LoadSettings settings) {
        int depth = 0;
        // the parser itself: snakeyaml-engine's module does not export the package of its Parse wrapper
        Iterable<Event> events = () -> new ParserImpl(settings, new StreamReader(settings, text));
        for (Event event : events) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > NestingLimit.MAX_DEPTH) {
                        throw new YamlEngineException(NestingLimit.exceeded());
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
    }
}
