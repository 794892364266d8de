package io.sops4j.config;

import io.sops4j.internal.limits.NestingLimit;
import io.sops4j.internal.store.yaml.YamlEvents;
import java.io.StringReader;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Rejects a configuration nested deeper than yaml.v3 allows before it is composed recursively. */
final class ConfigNesting {

    private ConfigNesting() {
    }

    static void check(String text, LoadSettings settings) {
        int depth = 0;
        for (Event event : YamlEvents.of(settings, new StringReader(text))) {
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
