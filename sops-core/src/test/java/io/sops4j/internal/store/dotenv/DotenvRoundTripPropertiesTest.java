package io.sops4j.internal.store.dotenv;

import io.sops4j.format.Format;
import io.sops4j.testing.EncryptedRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.internal.store.AwkwardText;
import io.sops4j.testing.Escaped;
import io.sops4j.testing.SeededCase;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * emitPlain then loadPlain gives the same document back, for every key, value and comment the
 * dotenv format can carry. It cannot carry:
 * <ul>
 *   <li>a key containing {@code =} (the line is split at the first one) or a newline, or
 *       starting with {@code #} (the line is a comment);</li>
 *   <li>a value containing a backslash followed by {@code n} (read back as a newline);</li>
 *   <li>a comment containing a newline (comments are written unescaped).</li>
 * </ul>
 */
class DotenvRoundTripPropertiesTest {

    private final DotenvStore store = new DotenvStore();

    static boolean carriesKey(String key) {
        return key.indexOf('=') < 0 && key.indexOf('\n') < 0 && !key.startsWith("#") && !key.startsWith("sops_");
    }

    static boolean carriesValue(String value) {
        return !value.contains("\\n");
    }

    static boolean carriesComment(String comment) {
        return comment.indexOf('\n') < 0;
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 500);
    }

    static TreeBranch document(Random random) {
        TreeBranch document = new TreeBranch();
        int size = random.nextInt(9);
        for (int i = 0; i < size; i++) {
            if (random.nextInt(5) < 4) {
                document.add(AwkwardText.string(random, DotenvRoundTripPropertiesTest::carriesKey),
                        AwkwardText.string(random, DotenvRoundTripPropertiesTest::carriesValue));
            } else {
                document.add(Comment.of(AwkwardText.string(random, DotenvRoundTripPropertiesTest::carriesComment)), null);
            }
        }
        return document;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void plainDocumentsSurviveEmitAndLoad(long seed) {
        TreeBranch document = document(new Random(seed));

        SeededCase.check(seed, Escaped.value(document), () -> {
            byte[] text = store.emitPlain(List.of(document));
            assertThat(store.loadPlain(text)).containsExactly(document);
        });
    }

    @Test
    void excludedCasesReallyChange() {
        assertThat(roundTrip(new TreeBranch().add("a=b", "v"))).isEqualTo(new TreeBranch().add("a", "b=v"));
        assertThat(roundTrip(new TreeBranch().add("#k", "v"))).isEqualTo(new TreeBranch().add(Comment.of("k=v"), null));
        assertThat(roundTrip(new TreeBranch().add("k", "C:\\new"))).isEqualTo(new TreeBranch().add("k", "C:\new"));
        assertThat(roundTrip(new TreeBranch().add(Comment.of("a\nb=c"), null)))
                .isEqualTo(new TreeBranch().add(Comment.of("a"), null).add("b", "c"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("encryptionSeeds")
    void encryptedDocumentsDecryptToTheSameDocument(long seed) {
        TreeBranch document = document(new Random(seed));

        SeededCase.check(seed, Escaped.value(document), () -> EncryptedRoundTrip.check(Format.DOTENV, document));
    }

    static LongStream encryptionSeeds() {
        return LongStream.rangeClosed(1, 30);
    }

    private TreeBranch roundTrip(TreeBranch document) {
        return store.loadPlain(store.emitPlain(List.of(document))).get(0);
    }
}
