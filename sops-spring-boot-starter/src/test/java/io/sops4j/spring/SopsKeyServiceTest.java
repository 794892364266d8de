package io.sops4j.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keyservice.KeyServiceServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code sops.key-services}: an application without the key decrypts its import through a running key service. */
@ExtendWith(OutputCaptureExtension.class)
class SopsKeyServiceTest {

    @TempDir
    Path dir;

    @Test
    void decryptsAnImportThroughTheNamedKeyService() {
        KeyEnvironment holder = KeyEnvironment.of(Map.of("SOPS_AGE_KEY_FILE", Fixtures.demoKeyFile(dir).toString()), dir);
        try (KeyServiceServer server = KeyServiceServer.start("tcp", "127.0.0.1:0", KeySources.installed(), holder);
                ConfigurableApplicationContext context = SopsSpringApplicationTest.application(
                        "sops.key-services=" + server.uri(), "sops.enable-local-key-service=false",
                        "spring.config.import=sops:" + Fixtures.DEMO_SECRETS).run()) {
            assertThat(context.getEnvironment().getProperty("database.password")).isEqualTo("s3cr3t-Pa55w0rd");
        }
    }

    @Test
    void anUnusableUriStopsTheApplicationWithTheReason(CapturedOutput output) {
        assertThatThrownBy(() -> SopsSpringApplicationTest.application("sops.key-services=http://localhost:5000",
                "spring.config.import=sops:" + Fixtures.DEMO_SECRETS).run())
                .isInstanceOf(SopsConfigDataException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "Property 'sops.key-services' names an unusable key service: invalid key service URI 'http://localhost:5000'");
    }
}
