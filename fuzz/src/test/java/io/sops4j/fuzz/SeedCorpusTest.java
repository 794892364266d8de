package io.sops4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fuzz target finds its seeds where Jazzer and {@code fuzz/run.sh} look for them, beside its
 * class: a target whose class moved without its {@code <Class>Inputs} directory replays only the
 * empty input and starts campaigns from nothing, without a word.
 */
class SeedCorpusTest {

    @Test
    void everyTargetHasSeedsBesideItsClass() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(SeedCorpusTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> targets = new ArrayList<>();
        List<String> withoutSeeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("FuzzTest.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> testClass = Class.forName(name, false, SeedCorpusTest.class.getClassLoader());
                for (Method method : testClass.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(FuzzTest.class)) {
                        String target = testClass.getSimpleName() + "#" + method.getName();
                        targets.add(target);
                        if (!hasSeeds(testClass.getResource(testClass.getSimpleName() + "Inputs/" + method.getName()))) {
                            withoutSeeds.add(target);
                        }
                    }
                }
            }
        }
        assertThat(targets).hasSizeGreaterThanOrEqualTo(31);
        assertThat(withoutSeeds).isEmpty();
    }

    private static boolean hasSeeds(URL directory) throws IOException, URISyntaxException {
        if (directory == null) {
            return false;
        }
        try (Stream<Path> seeds = Files.list(Path.of(directory.toURI()))) {
            return seeds.anyMatch(Files::isRegularFile);
        }
    }
}
