package io.sops4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.error.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Imports that must stop the application, and what the failure analysis tells the user. */
class SopsFailureTest {

    @TempDir
    static Path dir;
    static Path demoKey;
    static Path otherKey;
    static Path secrets;

    @BeforeAll
    static void files() {
        demoKey = Fixtures.demoKeyFile(dir);
        otherKey = Fixtures.otherKeyFile(dir);
        secrets = Fixtures.encrypted(dir, "secrets.sops.yaml", "db:\n  user: app\n  password: tamper-me-not\n");
    }

    static ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(context -> ConfigDataEnvironmentPostProcessor.applyTo(context.getEnvironment()))
                .withPropertyValues(properties);
    }

    static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new SopsFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
        return analysis;
    }

    @Test
    void wrongKeyNamesTheFileAndSaysWhereKeysComeFrom() {
        String location = "file:" + secrets;
        runner("sops.age.key-file=" + otherKey, "spring.config.import=sops:" + location).run(context -> {
            FailureAnalysis analysis = analysis(context);
            SopsConfigDataException failure = (SopsConfigDataException) analysis.getCause();
            assertThat(failure.sopsException().exitCode()).isEqualTo(ExitCode.COULD_NOT_RETRIEVE_KEY);
            assertThat(analysis.getDescription()).contains("The SOPS file '" + location + "' could not be decrypted");
            assertThat(analysis.getAction()).contains("SOPS_AGE_KEY_FILE", "sops.age.key-file", "GNUPGHOME");
        });
    }

    @Test
    void tamperedFileFailsEvenWhenOptional() {
        String text = Fixtures.read(secrets);
        Path tampered = Fixtures.write(dir.resolve("tampered.sops.yaml"),
                text.replaceAll("(?m)^    user: .*\\n", ""));
        runner("sops.age.key-file=" + demoKey, "spring.config.import=optional:sops:file:" + tampered).run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(((SopsConfigDataException) analysis.getCause()).sopsException().exitCode())
                    .isEqualTo(ExitCode.MAC_MISMATCH);
            assertThat(analysis.getDescription()).contains(tampered.toString(), "MAC mismatch");
            assertThat(analysis.getAction()).contains("Restore", "version control", "optional:");
        });
    }

    @Test
    void plaintextFileIsNotTakenForSecrets() {
        Path plain = Fixtures.write(dir.resolve("plain.yaml"), "db:\n  password: not-encrypted\n");
        runner("sops.age.key-file=" + demoKey, "spring.config.import=sops:file:" + plain).run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).contains(plain.toString()).doesNotContain("not-encrypted");
            assertThat(analysis.getAction()).contains("encrypted with sops");
        });
    }

    @Test
    void keyMaterialInAPropertyIsRejectedWithoutShowingIt() {
        String identity = Fixtures.OTHER_IDENTITY;
        for (String property : new String[] {"sops.age.key-file", "sops.age.key", "sops.anything.else"}) {
            runner(property + "=" + identity, "spring.config.import=sops:file:" + secrets).run(context -> {
                FailureAnalysis analysis = analysis(context);
                assertThat(analysis.getDescription()).contains("'" + property + "'", "secret key material")
                        .doesNotContain(identity).doesNotContain(identity.substring(15, 30));
                assertThat(analysis.getAction()).contains("SOPS_AGE_KEY_FILE").doesNotContain(identity);
                assertThat(context.getStartupFailure()).hasStackTraceContaining(property)
                        .satisfies(e -> assertThat(stackText(e)).doesNotContain(identity.substring(15, 30)));
            });
        }
    }

    @Test
    void keyMaterialInTheProcessEnvironmentIsAccepted() {
        new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("SOPS_AGE_KEY", Fixtures.OTHER_IDENTITY, "SOPS_AGE_KEYFILE", demoKey.toString()))))
                .withInitializer(context -> ConfigDataEnvironmentPostProcessor.applyTo(context.getEnvironment()))
                .withPropertyValues("spring.config.import=sops:file:" + secrets)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getEnvironment().getProperty("sops.age.key")).isEqualTo(Fixtures.OTHER_IDENTITY);
                    assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo("tamper-me-not");
                });
    }

    @Test
    void missingKeyFileIsReported() {
        Path absent = dir.resolve("no-such-key.txt");
        runner("sops.age.key-file=" + absent, "spring.config.import=sops:file:" + secrets).run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).contains("sops.age.key-file", absent.toString());
        });
    }

    @Test
    void remoteLocationsAreNotSupported() {
        runner("spring.config.import=sops:https://example.invalid/secrets.yaml").run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).contains("sops:https://example.invalid/secrets.yaml");
            assertThat(analysis.getAction()).contains("sops:classpath:");
        });
    }

    private static String stackText(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
