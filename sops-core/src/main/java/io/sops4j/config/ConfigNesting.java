package io.sops4j.config;

import io.sops4j.internal.limits.NestingLimit;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Rejects a configuration nested deeper than yaml.v3 allows before it is composed recursively. */
final class ConfigNesting {

    private ConfigNesting() {
    }

    static void check(String text, LoadSettings settings) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(text)) {
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
