package io.sops4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration metadata that IDEs read to complete and document {@code sops.*}. */
class SopsPropertiesMetadataTest {

    @Test
    void describesEveryPropertyWithItsTypeAndDocumentation() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(property -> properties.put(property.path("name").asText(), property));
        assertThat(properties).containsOnlyKeys(KeySettings.AGE_KEY_FILE, KeySettings.GNUPG_HOME,
                KeySettings.KEY_SERVICES, KeySettings.ENABLE_LOCAL_KEY_SERVICE);
        assertThat(properties.get(KeySettings.KEY_SERVICES).path("description").asText()).contains("--keyservice");
        assertThat(properties.get(KeySettings.AGE_KEY_FILE).path("description").asText())
                .contains("age identity file", "SOPS_AGE_KEY_FILE");
        assertThat(properties.get(KeySettings.GNUPG_HOME).path("description").asText()).contains("GNUPGHOME");
        assertThat(properties.get(KeySettings.AGE_KEY_FILE).path("sourceType").asText())
                .isEqualTo(SopsProperties.Age.class.getName());
    }
}
