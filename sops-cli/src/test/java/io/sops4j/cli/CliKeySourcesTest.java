package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An installation makes its start jar's key sources directly; they must be every one sops-core registers. */
class CliKeySourcesTest {

    @Test
    void startJarSourcesAreEveryRegisteredSourceButTheCloudOnes() {
        Set<String> registered = new HashSet<>(KeySources.installed().byType().keySet());
        assertThat(registered).containsAll(CliKeySources.CLOUD_TYPES);
        registered.removeAll(CliKeySources.CLOUD_TYPES);

        assertThat(CliKeySources.startJarSources()).extracting(KeySource::type)
                .containsExactlyInAnyOrderElementsOf(registered);
    }
}
