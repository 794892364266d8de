package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.format.Format;
import io.sops4j.internal.format.Stores;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.testing.TestKeys;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random documents with every value type survive encrypt then decrypt: the decrypted document is
 * the document the plaintext loads as, and it prints the same. Seeds are fixed and in the test name.
 */
class RoundTripPropertyTest {

    @TempDir
    Path home;

    static Stream<Arguments> seeds() {
        List<Arguments> arguments = new ArrayList<>();
        for (Format format : new Format[] {Format.YAML, Format.JSON}) {
            for (long seed = 1; seed <= 40; seed++) {
                arguments.add(Arguments.of(format, seed));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void encryptThenDecryptGivesThePlaintextBack(Format format, long seed) {
        TreeBranch document = new Documents(new Random(seed), format == Format.YAML).branch(0);
        byte[] plaintext = Stores.of(format).emitPlain(List.of(document));
        KeyEnvironment environment = TestKeys.age(home);
        MasterKey age = KeySources.installed().find("age").orElseThrow().fromIdentifier(TestKeys.AGE_RECIPIENT);
        Sops sops = Sops.builder().environment(environment).build();

        byte[] encrypted = sops.encrypt(plaintext, format, EncryptionOptions.withKeys(age));
        DecryptedFile decrypted = sops.decrypt(encrypted, format);

        List<TreeBranch> loaded = Stores.of(format).loadPlain(plaintext);
        assertThat(decrypted.documents()).isEqualTo(loaded);
        assertThat(new String(decrypted.toBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(Stores.of(format).emitPlain(loaded), java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "binary seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void anyBytesSurviveBinaryEncryption(long seed) {
        Random random = new Random(seed);
        byte[] plaintext = new byte[random.nextInt(100_000)];
        random.nextBytes(plaintext);
        MasterKey age = KeySources.installed().find("age").orElseThrow().fromIdentifier(TestKeys.AGE_RECIPIENT);
        Sops sops = Sops.builder().environment(TestKeys.age(home)).build();

        byte[] encrypted = sops.encrypt(plaintext, Format.BINARY, EncryptionOptions.withKeys(age));

        assertThat(sops.decrypt(encrypted, Format.BINARY).toBytes()).isEqualTo(plaintext);
    }

    /** Generates nested documents of strings, integers, floats, booleans, times, nulls, lists and comments. */
    private record Documents(Random random, boolean comments) {

        private static final String[] WORDS = {"", "a", "hello world", "ünïcødé ✓", "日本語", "with: colon", "#hash",
                "quote\"s", "'single'", "new\nline", "tab\there", "  padded  ", "true", "null", "5", "1e3", "-",
                "<html>&amp;", "back\\slash", "emoji 😀", "x".repeat(300)};

        TreeBranch branch(int depth) {
            TreeBranch branch = new TreeBranch();
            int size = 1 + random.nextInt(depth == 0 ? 8 : 4);
            for (int i = 0; i < size; i++) {
                if (comments && random.nextInt(6) == 0) {
                    branch.add(Comment.of(" note " + random.nextInt(100)), null);
                }
                branch.add("k" + i + (random.nextInt(5) == 0 ? "_unencrypted" : ""), value(depth));
            }
            return branch;
        }

        Object value(int depth) {
            int kind = random.nextInt(depth >= 3 ? 7 : 9);
            return switch (kind) {
                case 0 -> WORDS[random.nextInt(WORDS.length)];
                case 1 -> random.nextLong();
                case 2 -> random.nextInt(1000) - 500L;
                case 3 -> randomDouble();
                case 4 -> random.nextBoolean();
                case 5 -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextInt(2_000_000_000)), ZoneOffset.UTC);
                case 6 -> "s" + random.nextInt();
                case 7 -> branch(depth + 1);
                default -> list(depth + 1);
            };
        }

        private Object randomDouble() {
            double[] specials = {0.5, -1.25, 1e21, 1e-7, 123456.789, 3.0e10};
            return random.nextBoolean() ? specials[random.nextInt(specials.length)] : random.nextDouble() * 1000;
        }

        private List<Object> list(int depth) {
            List<Object> list = new ArrayList<>();
            int size = 1 + random.nextInt(4);
            for (int i = 0; i < size; i++) {
                list.add(value(depth));
            }
            return list;
        }
    }
}
