package io.sops4j.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A whole SpringApplication: the registrations in spring.factories, logging and the failure report. */
@ExtendWith(OutputCaptureExtension.class)
class SopsSpringApplicationTest {

    private static final String[] SECRETS = {
        "s3cr3t-Pa55w0rd", "sk_test_51HxDemoKeyNotReal", "whsec_demo_0123456789", "db.internal.example",
        "MIIBdemoONLYnotARealCertificate0123456789", "https://shop.example"
    };

    @TempDir
    static Path dir;
    static Path keyFile;

    @BeforeAll
    static void keys() {
        keyFile = Fixtures.demoKeyFile(dir);
    }

    static SpringApplicationBuilder application(String... properties) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).properties(properties);
    }

    @Test
    void decryptsOnceAndLogsNoSecretEvenAtDebugLevel(CapturedOutput output) {
        String location = "sops:" + Fixtures.DEMO_SECRETS;
        try (ConfigurableApplicationContext context = application("sops.age.key-file=" + keyFile,
                "spring.config.import=" + location + "," + location, "logging.level.root=DEBUG",
                "logging.level.io.sops4j=TRACE", "spring.profiles.active=dev,test").run()) {
            assertThat(context.getEnvironment().getProperty("database.password")).isEqualTo("s3cr3t-Pa55w0rd");
        }
        assertThat(output.getAll()).containsOnlyOnce("Decrypted SOPS file '" + Fixtures.DEMO_SECRETS + "' (yaml, 12 properties)");
        for (String secret : SECRETS) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    @Test
    void printsTheFailureAnalysis(CapturedOutput output) {
        Path otherKey = Fixtures.otherKeyFile(dir);
        assertThatThrownBy(() -> application("sops.age.key-file=" + otherKey,
                "spring.config.import=sops:" + Fixtures.DEMO_SECRETS).run())
                .isInstanceOf(SopsConfigDataException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "The SOPS file '" + Fixtures.DEMO_SECRETS + "' could not be decrypted",
                "Action:", "point SOPS_AGE_KEY_FILE or the property sops.age.key-file at an age identity file");
    }

    @Test
    void reportsAMissingMandatoryFileThroughBoot(CapturedOutput output) {
        Path absent = dir.resolve("absent.sops.yaml");
        assertThatThrownBy(() -> application("spring.config.import=sops:file:" + absent).run());
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", absent.toString(), "does not exist",
                "optional:");
    }

    @Test
    void acceptsKeyMaterialFromTheProcessEnvironment() {
        try (ConfigurableApplicationContext context = application("spring.config.import=sops:" + Fixtures.DEMO_SECRETS)
                .environment(withProcessEnvironment(Map.of("SOPS_AGE_KEY", Fixtures.OTHER_IDENTITY,
                        "SOPS_AGE_KEY_FILE", keyFile.toString())))
                .run()) {
            assertThat(context.getEnvironment().getProperty("database.password")).isEqualTo("s3cr3t-Pa55w0rd");
        }
    }

    @Test
    void refusesKeyMaterialThatTheProcessEnvironmentHides(CapturedOutput output) {
        String identity = Fixtures.OTHER_IDENTITY;
        assertThatThrownBy(() -> application("sops.age.key=" + identity, "sops.age.key-file=" + keyFile,
                "spring.config.import=sops:" + Fixtures.DEMO_SECRETS)
                .environment(withProcessEnvironment(Map.of("SOPS_AGE_KEY", identity)))
                .run())
                .isInstanceOf(SopsConfigDataException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "The property 'sops.age.key' holds secret key material (its value is not shown)")
                .doesNotContain(identity.substring(15));
    }

    @Test
    void refusesKeyMaterialOnTheCommandLine(CapturedOutput output) {
        String identity = Fixtures.OTHER_IDENTITY;
        assertThatThrownBy(() -> application("spring.config.import=sops:" + Fixtures.DEMO_SECRETS)
                .environment(withProcessEnvironment(Map.of("SOPS_AGE_KEY_FILE", keyFile.toString())))
                .run("--sops.age.key=" + identity))
                .isInstanceOf(SopsConfigDataException.class);
        assertThat(output.getAll()).contains("'sops.age.key' holds secret key material")
                .doesNotContain(identity.substring(15));
    }

    /** An environment whose system environment source holds {@code variables}, as Boot sees the process's own. */
    private static StandardEnvironment withProcessEnvironment(Map<String, Object> variables) {
        return new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                super.customizePropertySources(sources);
                sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
