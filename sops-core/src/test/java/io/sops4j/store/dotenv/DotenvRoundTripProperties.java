package io.sops4j.store.dotenv;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.store.AwkwardText;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
class DotenvRoundTripProperties {

    private final DotenvStore store = new DotenvStore();

    static boolean carriesKey(String key) {
        return key.indexOf('=') < 0 && key.indexOf('\n') < 0 && !key.startsWith("#");
    }

    static boolean carriesValue(String value) {
        return !value.contains("\\n");
    }

    static boolean carriesComment(String comment) {
        return comment.indexOf('\n') < 0;
    }

    @Provide
    Arbitrary<TreeBranch> documents() {
        Arbitrary<TreeItem> pair = net.jqwik.api.Combinators.combine(
                AwkwardText.strings().filter(DotenvRoundTripProperties::carriesKey),
                AwkwardText.strings().filter(DotenvRoundTripProperties::carriesValue))
                .as(TreeItem::new);
        Arbitrary<TreeItem> comment = AwkwardText.strings().filter(DotenvRoundTripProperties::carriesComment)
                .map(text -> TreeItem.comment(Comment.of(text)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, pair), net.jqwik.api.Tuple.of(1, comment))
                .list().ofMaxSize(8).map(TreeBranch::new);
    }

    @Property(tries = 500)
    void plainDocumentsSurviveEmitAndLoad(@ForAll("documents") TreeBranch document) {
        byte[] text = store.emitPlain(List.of(document));
        assertThat(store.loadPlain(text)).containsExactly(document);
    }

    @Example
    void excludedCasesReallyChange() {
        assertThat(roundTrip(new TreeBranch().add("a=b", "v"))).isEqualTo(new TreeBranch().add("a", "b=v"));
        assertThat(roundTrip(new TreeBranch().add("#k", "v"))).isEqualTo(new TreeBranch().add(Comment.of("k=v"), null));
        assertThat(roundTrip(new TreeBranch().add("k", "C:\\new"))).isEqualTo(new TreeBranch().add("k", "C:\new"));
        assertThat(roundTrip(new TreeBranch().add(Comment.of("a\nb=c"), null)))
                .isEqualTo(new TreeBranch().add(Comment.of("a"), null).add("b", "c"));
    }

    private TreeBranch roundTrip(TreeBranch document) {
        return store.loadPlain(store.emitPlain(List.of(document))).get(0);
    }
}
