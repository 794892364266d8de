package io.sops4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged starter, sops-core and their runtime dependencies on the module path, with a named
 * application module that imports a SOPS file: every jar is a module (the sops4j ones automatic, by
 * their Automatic-Module-Name), no package is split, and the loaders registered in spring.factories,
 * the key sources found by ServiceLoader and the YAML parser all work across module boundaries.
 */
class ModulePathIT {

    private static final String MAIN = "io.sops4j.modulepath/io.sops4j.modulepath.ModulePathApplication";
    private static final String[] SECRETS = {
        "s3cr3t-Pa55w0rd", "sk_test_51HxDemoKeyNotReal", "whsec_demo_0123456789", "db.internal.example"
    };

    @TempDir
    static Path dir;
    static String modulePath;
    static Path secrets;

    @BeforeAll
    static void compileTheApplicationModule() throws IOException {
        List<String> jars = new ArrayList<>(List.of(Files.readString(
                Path.of(System.getProperty("sops4j.runtime.classpath"))).strip().split(File.pathSeparator)));
        jars.add(System.getProperty("sops4j.starter.jar"));
        assertThat(jars).allSatisfy(jar -> assertThat(jar).endsWith(".jar"));
        String dependencies = String.join(File.pathSeparator, jars);
        Path classes = Files.createDirectory(dir.resolve("application"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, System.out, System.err, "-Xlint:-requires-automatic", "-Werror",
                "-d", classes.toString(), "--module-path", dependencies,
                "--module-source-path", System.getProperty("sops4j.module.sources"), "-m", "io.sops4j.modulepath");
        assertThat(compiled).isZero();
        modulePath = dependencies + File.pathSeparator + classes;
        secrets = dir.resolve("app-secrets.sops.yaml");
        try (InputStream in = ModulePathIT.class.getResourceAsStream("/io/sops4j/testdata/demo/app-secrets.sops.yaml")) {
            Files.write(secrets, in.readAllBytes());
        }
    }

    @Test
    void applicationOnTheModulePathImportsASopsFile() {
        Run run = run(Map.of("SOPS_AGE_KEY_FILE", Fixtures.demoKeyFile(dir).toString()));

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output)
                .contains("sops property source in module io.sops4j.spring")
                .contains("sops-core in module io.sops4j.core")
                .contains("application in module io.sops4j.modulepath")
                .contains("database.pool_size_unencrypted=10")
                .contains("database.password bound: true")
                .doesNotContain(SECRETS);
    }

    @Test
    void failureAnalysisOnTheModulePath() {
        Run run = run(Map.of("SOPS_AGE_KEY_FILE", Fixtures.otherKeyFile(dir).toString()));

        assertThat(run.exitCode).as(run.output).isNotZero();
        assertThat(run.output).contains("APPLICATION FAILED TO START",
                        "The SOPS file 'file:" + secrets + "' could not be decrypted", "Action:")
                .doesNotContain(SECRETS).doesNotContain(Fixtures.OTHER_IDENTITY);
    }

    private static Run run(Map<String, String> environment) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "--module-path", modulePath,
                "-m", MAIN, "--spring.config.import=sops:file:" + secrets, "--spring.main.banner-mode=off")
                .redirectErrorStream(true).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SOPS_") || name.startsWith("GNUPG"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exitCode, String output) {
    }
}
