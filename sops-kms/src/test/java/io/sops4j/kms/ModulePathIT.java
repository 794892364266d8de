package io.sops4j.kms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jars of sops-core and sops-kms used by a small program in its own JVM, on the module
 * path (as the automatic modules {@code io.sops4j.core} and {@code io.sops4j.kms}) and on the class
 * path: it decrypts the demo file and lists the key sources the {@link java.util.ServiceLoader} found,
 * with the module each came from. The cloud SDKs are left out, as an application that needs none has them.
 * On the module path the program is started with {@code --add-modules ALL-MODULE-PATH}, as the README says.
 */
class ModulePathIT {

    private static final Path DEMO = Path.of("../testdata/demo/app-secrets.sops.yaml");
    private static final Path DEMO_KEY = Path.of("../testdata/keys/demo-age.txt");
    /** sops-core, sops-kms and the libraries they need without any cloud SDK. */
    private static final List<String> LIBRARIES = List.of("sops-core-", "snakeyaml-engine-", "re2j-", "bcprov-", "bcpg-",
            "bcutil-", "bcpkix-", "jackson-core-", "jackson-databind-", "jackson-annotations-");

    private static final String MAIN = """
            package demo;

            import io.sops4j.DecryptedFile;
            import io.sops4j.Sops;
            import io.sops4j.keys.KeySource;
            import io.sops4j.keys.KeySources;
            import java.nio.file.Path;

            public class Main {
                public static void main(String[] args) {
                    try (DecryptedFile file = Sops.create().decrypt(Path.of(args[0]))) {
                        System.out.println("password=" + file.extract("[\\"database\\"][\\"password\\"]"));
                    }
                    for (KeySource source : KeySources.installed().byType().values()) {
                        System.out.println("source " + source.type() + " " + source.getClass().getModule().getName());
                    }
                }
            }
            """;

    private static List<Path> libraries;

    @BeforeAll
    static void findLibraries() {
        libraries = new ArrayList<>();
        libraries.add(Path.of(System.getProperty("sops4j.kms.jar")));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && LIBRARIES.stream().anyMatch(name::startsWith) && !name.endsWith("-tests.jar")) {
                libraries.add(Path.of(entry));
            }
        }
        assertThat(libraries).as("the packaged sops-core jar (run by mvn verify)")
                .anyMatch(p -> p.getFileName().toString().startsWith("sops-core-"));
        assertThat(libraries.get(0)).isRegularFile();
    }

    @Test
    void onTheModulePathTheJarsAreTheModulesTheyName(@TempDir Path dir) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(sources.resolve("Main.java"), MAIN);
        Files.writeString(dir.resolve("src/module-info.java"), "module demo { requires io.sops4j.core; }\n");
        Path classes = dir.resolve("classes");
        compile("--module-path", path(libraries), "-d", classes.toString(),
                dir.resolve("src/module-info.java").toString(), sources.resolve("Main.java").toString());

        // automatic modules require nothing: the libraries that are named modules (snakeyaml-engine,
        // Bouncy Castle, Jackson) are resolved only when added
        List<String> output = run(List.of("--module-path", classes + File.pathSeparator + path(libraries),
                "--add-modules", "ALL-MODULE-PATH", "-m", "demo/demo.Main", DEMO.toString()));

        assertThat(output).contains("password=s3cr3t-Pa55w0rd",
                "source age io.sops4j.core", "source pgp io.sops4j.core",
                "source kms io.sops4j.kms", "source gcp_kms io.sops4j.kms",
                "source azure_kv io.sops4j.kms", "source hc_vault io.sops4j.kms");
    }

    @Test
    void onTheClassPathTheSameProgramFindsTheSameSources(@TempDir Path dir) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(sources.resolve("Main.java"), MAIN);
        Path classes = dir.resolve("classes");
        compile("-cp", path(libraries), "-d", classes.toString(), sources.resolve("Main.java").toString());

        List<String> output = run(List.of("-cp", classes + File.pathSeparator + path(libraries),
                "demo.Main", DEMO.toString()));

        assertThat(output).contains("password=s3cr3t-Pa55w0rd", "source age null", "source pgp null",
                "source kms null", "source gcp_kms null", "source azure_kv null", "source hc_vault null");
    }

    private static void compile(String... arguments) {
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments);
        assertThat(exit).as("javac %s", String.join(" ", arguments)).isZero();
    }

    private static List<String> run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SOPS_"));
        builder.environment().put("SOPS_AGE_KEY_FILE", DEMO_KEY.toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().collect(Collectors.toList());
    }

    private static String path(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
