package io.sops4j.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a target once on each of its seeds while the test class initialises, so that class loading
 * and instrumentation are not charged to the first fuzzed input's time limit.
 */
public final class WarmUp {

    private WarmUp() {
    }

    public static void onSeeds(Class<?> testClass, String method, Consumer<byte[]> target) {
        URL directory = testClass.getResource(testClass.getSimpleName() + "Inputs/" + method);
        if (directory == null || !"file".equals(directory.getProtocol())) {
            return;
        }
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            seeds = files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (Path seed : seeds) {
            try {
                target.accept(Files.readAllBytes(seed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException | AssertionError e) {
                // the fuzzed run reports it
            }
        }
    }
}
