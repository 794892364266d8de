package io.sops4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/** The actuator masking function that the auto-configuration adds. */
class SopsSanitizingFunctionTest {

    @TempDir
    static Path dir;
    static Path keyFile;

    @BeforeAll
    static void keys() {
        keyFile = Fixtures.demoKeyFile(dir);
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> ConfigDataEnvironmentPostProcessor.applyTo(context.getEnvironment()))
            .withConfiguration(AutoConfigurations.of(SopsActuatorAutoConfiguration.class))
            .withPropertyValues("sops.age.key-file=" + keyFile, "spring.config.import=sops:" + Fixtures.DEMO_SECRETS,
                    "app.url=postgres://orders:${database.password}@db", "app.plain=visible");

    @Test
    void masksEveryValueOfASopsSource() {
        runner.run(context -> {
            SanitizingFunction function = context.getBean(SopsActuatorAutoConfiguration.SANITIZING_FUNCTION_BEAN,
                    SanitizingFunction.class);
            PropertySource<?> sops = context.getEnvironment().getPropertySources().get("sops:" + Fixtures.DEMO_SECRETS);
            for (String name : ((SopsPropertySource) sops).getPropertyNames()) {
                SanitizableData data = new SanitizableData(sops, name, sops.getProperty(name));
                assertThat(function.apply(data).getValue()).as(name).isEqualTo(SanitizableData.SANITIZED_VALUE);
            }
        });
    }

    @Test
    void masksCopiesOfSecretsInOtherSourcesAndLeavesTheRest() {
        runner.run(context -> {
            SanitizingFunction function = context.getBean(SanitizingFunction.class);
            PropertySource<?> other = new MapPropertySource("other", Map.of());
            assertThat(function.apply(new SanitizableData(other, "password", "s3cr3t-Pa55w0rd")).getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(function.apply(new SanitizableData(null, "url",
                    context.getEnvironment().getProperty("app.url"))).getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(function.apply(new SanitizableData(other, "plain", "visible")).getValue()).isEqualTo("visible");
            assertThat(function.apply(new SanitizableData(other, "enabled", "true")).getValue()).isEqualTo("true");
            assertThat(function.apply(new SanitizableData(other, "name", "orders")).getValue()).isEqualTo("orders");
            assertThat(function.apply(new SanitizableData(other, "nothing", null)).getValue()).isNull();
        });
    }

    @Test
    void keepsMaskingCopiesOfSecretsThatARefreshReplaced() {
        runner.run(context -> {
            SanitizingFunction function = context.getBean(SanitizingFunction.class);
            String name = "sops:" + Fixtures.DEMO_SECRETS;
            context.getEnvironment().getPropertySources().replace(name, new SopsPropertySource(name, Fixtures.DEMO_SECRETS,
                    Map.of("database.password", "rotated-Pa55w0rd")));
            PropertySource<?> other = new MapPropertySource("other", Map.of());
            assertThat(function.apply(new SanitizableData(other, "url", "postgres://orders:s3cr3t-Pa55w0rd@db")).getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(function.apply(new SanitizableData(other, "url", "postgres://orders:rotated-Pa55w0rd@db")).getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
        });
    }

    @Test
    void backsOffWithoutTheActuator() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SopsActuatorAutoConfiguration.SANITIZING_FUNCTION_BEAN);
        });
    }

    @Test
    void aUserDefinedFunctionOfTheSameNameReplacesIt() {
        runner.withBean(SopsActuatorAutoConfiguration.SANITIZING_FUNCTION_BEAN, SanitizingFunction.class,
                () -> data -> data).run(context ->
                assertThat(context.getBean(SanitizingFunction.class).apply(
                        new SanitizableData(null, "k", "s3cr3t-Pa55w0rd")).getValue()).isEqualTo("s3cr3t-Pa55w0rd"));
    }
}
