package io.sops4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.format.Format;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

    @Test
    void theOutputFormatsExtensionReplacesTheInputs() {
        assertThat(OutputNames.rename("app.sops.yaml", Format.YAML, null)).isEqualTo("app.sops.yaml");
        assertThat(OutputNames.rename("app.sops.yaml", Format.YAML, Format.YAML)).isEqualTo("app.sops.yaml");
        assertThat(OutputNames.rename("conf/app.yml", Format.YAML, Format.JSON)).isEqualTo("conf/app.json");
        assertThat(OutputNames.rename("app.json", Format.JSON, Format.DOTENV)).isEqualTo("app.env");
        assertThat(OutputNames.rename("app.env", Format.DOTENV, Format.INI)).isEqualTo("app.ini");
        assertThat(OutputNames.rename("cert.json", Format.JSON, Format.BINARY)).isEqualTo("cert");
        assertThat(OutputNames.rename("cert.pem", Format.BINARY, Format.YAML)).isEqualTo("cert.pem.yaml");
        assertThat(OutputNames.rename("a.b/.json", Format.JSON, Format.YAML)).isEqualTo("a.b/.json.yaml");
    }
}
