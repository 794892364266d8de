package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the public API: the exported packages, the public types in them, and the direction of
 * the dependencies between packages (tree and error at the bottom, then keys, metadata, the facade,
 * and config reading {@code .sops.yaml} into the facade's options). A type added to or removed from the API must be added to or
 * removed from {@link #PUBLIC_TYPES} on purpose.
 */
class PublicApiTest {

    static final List<String> EXPORTED_PACKAGES = List.of(
            "io.sops4j",
            "io.sops4j.config",
            "io.sops4j.error",
            "io.sops4j.format",
            "io.sops4j.keys",
            "io.sops4j.keys.age",
            "io.sops4j.keys.pgp",
            "io.sops4j.metadata",
            "io.sops4j.tree");

    static final Set<String> PUBLIC_TYPES = new TreeSet<>(List.of(
            "io.sops4j.DecryptedFile",
            "io.sops4j.EncryptionOptions",
            "io.sops4j.Sops",
            "io.sops4j.Sops$Builder",
            "io.sops4j.TreePath",
            "io.sops4j.config.CreationRule",
            "io.sops4j.config.SopsConfig",
            "io.sops4j.error.DataKeyException",
            "io.sops4j.error.ExitCode",
            "io.sops4j.error.FormatException",
            "io.sops4j.error.KeyNotFoundException",
            "io.sops4j.error.MacMismatchException",
            "io.sops4j.error.SopsException",
            "io.sops4j.error.ValueDecryptionException",
            "io.sops4j.format.Format",
            "io.sops4j.format.StoreOptions",
            "io.sops4j.keys.KeyEntries",
            "io.sops4j.keys.KeyEnvironment",
            "io.sops4j.keys.KeyService",
            "io.sops4j.keys.KeySource",
            "io.sops4j.keys.KeySources",
            "io.sops4j.keys.MasterKey",
            "io.sops4j.keys.age.AgeKeys",
            "io.sops4j.keys.age.AgeKeys$KeyPair",
            "io.sops4j.keys.age.AgeMasterKey",
            "io.sops4j.keys.pgp.PgpKeys",
            "io.sops4j.keys.pgp.PgpMasterKey",
            "io.sops4j.metadata.EncryptionRules",
            "io.sops4j.metadata.KeyGroup",
            "io.sops4j.metadata.Metadata",
            "io.sops4j.tree.Comment",
            "io.sops4j.tree.TreeBranch",
            "io.sops4j.tree.TreeItem"));

    @Test
    void theExportedPackagesHoldExactlyTheReviewedPublicTypes() throws Exception {
        Set<String> found = new TreeSet<>();
        for (String name : classNames()) {
            String pkg = name.substring(0, name.lastIndexOf('.'));
            if (!EXPORTED_PACKAGES.contains(pkg) || name.endsWith("package-info")) {
                continue;
            }
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (isVisible(type)) {
                found.add(name);
            }
        }
        assertThat(found).containsExactlyElementsOf(PUBLIC_TYPES);
    }

    @Test
    void everyExportedPackageHasAPackageInfo() {
        for (String pkg : EXPORTED_PACKAGES) {
            assertThat(Path.of("src/main/java", pkg.replace('.', '/'), "package-info.java")).isRegularFile();
        }
    }

    @Test
    void noInternalTypeIsVisibleFromAnExportedSignature() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String name : PUBLIC_TYPES) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            for (var method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) && !Modifier.isProtected(method.getModifiers())) {
                    continue;
                }
                List<Class<?>> used = new ArrayList<>(List.of(method.getParameterTypes()));
                used.add(method.getReturnType());
                for (Class<?> u : used) {
                    if (u.getName().startsWith("io.sops4j.internal.")) {
                        leaks.add(name + "." + method.getName() + " uses " + u.getName());
                    }
                }
            }
            for (var constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    for (Class<?> u : constructor.getParameterTypes()) {
                        if (u.getName().startsWith("io.sops4j.internal.")) {
                            leaks.add(name + " constructor uses " + u.getName());
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /**
     * Dependencies run one way: no package uses a package that (directly or not) uses it. Read
     * from the imports and qualified names of the main sources.
     */
    @Test
    void packageDependenciesHaveNoCycle() throws IOException {
        Map<String, Set<String>> uses = packageDependencies(Path.of("src/main/java"));
        assertThat(uses).containsKey("io.sops4j");
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (reaches(uses, to, from, new HashSet<>())) {
                    cycles.add(from + " -> " + to);
                }
            }
        }
        assertThat(cycles).isEmpty();
    }

    @Test
    void theLayersAreInOrder() throws IOException {
        Map<String, Set<String>> uses = packageDependencies(Path.of("src/main/java"));
        assertThat(uses.get("io.sops4j.tree")).noneMatch(p -> p.startsWith("io.sops4j.keys") || p.startsWith("io.sops4j.metadata"));
        assertThat(uses.get("io.sops4j.keys")).noneMatch(p -> p.startsWith("io.sops4j.metadata") || p.equals("io.sops4j"));
        assertThat(uses.get("io.sops4j.metadata")).doesNotContain("io.sops4j", "io.sops4j.config");
        assertThat(uses.get("io.sops4j")).as("the facade reads no .sops.yaml").doesNotContain("io.sops4j.config");
        for (String pkg : uses.keySet()) {
            if (!pkg.equals("io.sops4j") && !pkg.equals("io.sops4j.config")) {
                assertThat(uses.get(pkg)).as("%s uses the facade", pkg).doesNotContain("io.sops4j");
            }
        }
    }

    /**
     * The project's other modules use the public API, with two exceptions: the command line and the
     * Maven plugin write files through {@code io.sops4j.internal.files}, and the command line starts
     * the crypto primitives' set-up early through {@code io.sops4j.internal.crypto}. They are
     * released with sops-core at the same version, so a change there cannot break them.
     */
    @Test
    void theOtherModulesUseNoInternalPackageButTheFileWriterAndCryptoSetUp() throws IOException {
        Map<String, Set<String>> allowed = Map.of(
                "sops-cli", Set.of("io.sops4j.internal.files", "io.sops4j.internal.crypto"),
                "sops-maven-plugin", Set.of("io.sops4j.internal.files"));
        List<String> uses = new ArrayList<>();
        for (String module : List.of("sops-kms", "sops-keyservice", "sops-cli", "sops-maven-plugin", "sops-spring-boot-starter")) {
            Path sources = Path.of("..", module, "src/main/java");
            assertThat(sources).as(module).isDirectory();
            for (Map.Entry<String, Set<String>> entry : packageDependencies(sources).entrySet()) {
                for (String target : entry.getValue()) {
                    if (target.startsWith("io.sops4j.internal") && !allowed.getOrDefault(module, Set.of()).contains(target)) {
                        uses.add(entry.getKey() + " -> " + target);
                    }
                }
            }
        }
        assertThat(uses).isEmpty();
    }

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])(io\\.sops4j(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    static Map<String, Set<String>> packageDependencies(Path sources) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                Set<String> targets = uses.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(text);
                while (reference.find()) {
                    if (!reference.group(1).equals(pkg.group(1))) {
                        targets.add(reference.group(1));
                    }
                }
            }
        }
        return uses;
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, to, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private List<String> classNames() throws IOException, URISyntaxException {
        Path classes = Path.of(Sops.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String relative = classes.relativize(f).toString();
                names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
            });
        }
        return names;
    }
}
