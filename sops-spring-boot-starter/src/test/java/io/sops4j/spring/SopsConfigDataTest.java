package io.sops4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/** Imports through {@code spring.config.import=sops:...} into a context, as Boot processes config data. */
class SopsConfigDataTest {

    @TempDir
    static Path dir;
    static Path keyFile;

    @BeforeAll
    static void keys() {
        keyFile = Fixtures.demoKeyFile(dir);
    }

    static ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(context -> ConfigDataEnvironmentPostProcessor.applyTo(context.getEnvironment()))
                .withPropertyValues("sops.age.key-file=" + keyFile)
                .withPropertyValues(properties)
                .withUserConfiguration(Application.class);
    }

    @Test
    void bindsNestedObjectsListsAndRelaxedNames() {
        runner("spring.config.import=sops:" + Fixtures.DEMO_SECRETS).withBean(Values.class).run(context -> {
            assertThat(context).hasNotFailed();
            Database database = context.getBean(Database.class);
            assertThat(database.host()).isEqualTo("db.internal.example");
            assertThat(database.port()).isEqualTo(5432);
            assertThat(database.password()).isEqualTo("s3cr3t-Pa55w0rd");
            assertThat(database.poolSizeUnencrypted()).isEqualTo(10);
            Api api = context.getBean(Api.class);
            assertThat(api.stripeKey()).isEqualTo("sk_test_51HxDemoKeyNotReal");
            assertThat(api.allowedOrigins()).containsExactly("https://shop.example", "https://admin.example");
            Values values = context.getBean(Values.class);
            assertThat(values.webhookSecret).isEqualTo("whsec_demo_0123456789");
            assertThat(values.firstOrigin).isEqualTo("https://shop.example");
            assertThat(values.rollout).isEqualTo(12.5);
            assertThat(values.newCheckout).isTrue();
            assertThat(values.certificate).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        });
    }

    @Test
    void flattensNamesAsBootsYamlLoaderDoesAndNamesTheSource() {
        runner("spring.config.import=sops:" + Fixtures.DEMO_SECRETS).run(context -> {
            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("api.allowed_origins[1]")).isEqualTo("https://admin.example");
            assertThat(environment.getProperty("database.pool_size_unencrypted", Integer.class)).isEqualTo(10);
            PropertySource<?> source = context.getEnvironment().getPropertySources()
                    .get("sops:" + Fixtures.DEMO_SECRETS);
            assertThat(source).isInstanceOf(SopsPropertySource.class);
            SopsPropertySource sops = (SopsPropertySource) source;
            assertThat(sops.getPropertyNames()).contains("database.host", "api.allowed_origins[0]", "tls.certificate")
                    .doesNotContain("sops", "sops.mac");
            assertThat(sops.getOrigin("database.password")).hasToString(
                    "\"database.password\" from SOPS file " + Fixtures.DEMO_SECRETS);
        });
    }

    @Test
    void placeholdersResolveDecryptedValues() {
        runner("spring.config.import=sops:" + Fixtures.DEMO_SECRETS,
                "app.url=postgres://${database.username}@${database.host}:${database.port}/orders").run(context ->
                assertThat(context.getEnvironment().getProperty("app.url"))
                        .isEqualTo("postgres://orders@db.internal.example:5432/orders"));
    }

    @Test
    void readsJsonDotenvIniAndBinaryFiles() {
        Path json = Fixtures.encrypted(dir, "app.json", "{\"mail\": {\"password\": \"json-pass\", \"ports\": [25, 587]}}");
        Path dotenv = Fixtures.encrypted(dir, "app.env", "MAIL_TOKEN=env-token\nother.name=dotted\n");
        Path ini = Fixtures.encrypted(dir, "app.ini", "[ldap]\nbind_password = ini-pass\n");
        Path binary = Fixtures.encrypted(dir, "tls.key", "binary\ncontent\n");
        runner("spring.config.import=sops:file:" + json + ",sops:file:" + dotenv + ",sops:" + ini
                + ",sops:file:" + binary).run(context -> {
            assertThat(context).hasNotFailed();
            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("mail.password")).isEqualTo("json-pass");
            assertThat(environment.getProperty("mail.ports[1]", Integer.class)).isEqualTo(587);
            assertThat(environment.getProperty("MAIL_TOKEN")).isEqualTo("env-token");
            assertThat(environment.getProperty("other.name")).isEqualTo("dotted");
            assertThat(environment.getProperty("ldap.bind_password")).isEqualTo("ini-pass");
            assertThat(environment.getProperty("data")).isEqualTo("binary\ncontent\n");
        });
    }

    @Test
    void formatHintReadsAFileWhoseNameDoesNotSayItsFormat() throws Exception {
        Path yaml = Fixtures.encrypted(dir, "hinted.yaml", "hinted: yes-it-is\n");
        Path renamed = Files.copy(yaml, dir.resolve("hinted-secrets"));
        runner("spring.config.import=sops:file:" + renamed + "[.yaml]").run(context ->
                assertThat(context.getEnvironment().getProperty("hinted")).isEqualTo("yes-it-is"));
    }

    @Test
    void laterImportsWinOverEarlierOnes() {
        Path first = Fixtures.encrypted(dir, "first.sops.yaml", "shared: first\nonly-first: one\n");
        Path second = Fixtures.encrypted(dir, "second.sops.yaml", "shared: second\n");
        runner("spring.config.import=sops:file:" + first + ",sops:file:" + second).run(context -> {
            assertThat(context.getEnvironment().getProperty("shared")).isEqualTo("second");
            assertThat(context.getEnvironment().getProperty("only-first")).isEqualTo("one");
        });
    }

    @Test
    void profileSpecificFileOverridesTheBaseFileAndMayBeAbsent() {
        Path profiles = dir.resolve("profiles");
        profiles.toFile().mkdirs();
        Path base = Fixtures.encrypted(profiles, "secrets.sops.yaml", "db:\n  password: base-pass\n  user: base-user\n");
        Fixtures.encrypted(profiles, "secrets-dev.sops.yaml", "db:\n  password: dev-pass\n");
        String importBase = "spring.config.import=sops:file:" + base;
        runner(importBase, "spring.profiles.active=dev").run(context -> {
            assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo("dev-pass");
            assertThat(context.getEnvironment().getProperty("db.user")).isEqualTo("base-user");
            assertThat(context.getEnvironment().getPropertySources().get("sops:file:" + profiles.resolve("secrets-dev.sops.yaml")))
                    .isInstanceOf(SopsPropertySource.class);
        });
        runner(importBase, "spring.profiles.active=prod").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo("base-pass");
        });
    }

    @Test
    void documentsOfAMultiDocumentFileActivateByProfile() {
        Path file = Fixtures.encrypted(dir, "multi.sops.yaml",
                "shared: base\nfirst: one\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\nshared: dev\n");
        String importFile = "spring.config.import=sops:file:" + file;
        runner(importFile).run(context -> {
            assertThat(context.getEnvironment().getProperty("shared")).isEqualTo("base");
            assertThat(context.getEnvironment().getProperty("first")).isEqualTo("one");
        });
        runner(importFile, "spring.profiles.active=dev").run(context -> {
            assertThat(context.getEnvironment().getProperty("shared")).isEqualTo("dev");
            assertThat(context.getEnvironment().getProperty("first")).isEqualTo("one");
        });
    }

    @Test
    void optionalImportOfAMissingFileIsSkipped() {
        runner("spring.config.import=optional:sops:file:" + dir.resolve("absent.sops.yaml")
                + ",sops:" + Fixtures.DEMO_SECRETS).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getEnvironment().getProperty("database.host")).isEqualTo("db.internal.example");
        });
    }

    @Test
    void mandatoryImportOfAMissingFileFails() {
        Path absent = dir.resolve("absent.sops.yaml");
        runner("spring.config.import=sops:file:" + absent).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(ConfigDataResourceNotFoundException.class)
                    .hasMessageContaining(absent.toString());
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({Database.class, Api.class})
    static class Application {
    }

    @ConfigurationProperties("database")
    record Database(String host, int port, String username, String password, int poolSizeUnencrypted) {
    }

    @ConfigurationProperties("api")
    record Api(String stripeKey, String webhookSecret, List<String> allowedOrigins) {
    }

    static class Values {
        @Value("${api.webhook_secret}")
        String webhookSecret;
        @Value("${api.allowed_origins[0]}")
        String firstOrigin;
        @Value("${features.rollout_percentage}")
        double rollout;
        @Value("${features.new_checkout}")
        boolean newCheckout;
        @Value("${tls.certificate}")
        String certificate;
    }
}
