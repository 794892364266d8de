package io.sops4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.tree.TreeBranch;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class JsonStorePropertiesTest {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> any = Arbitraries.chars().all().filter(c -> !Character.isSurrogate(c));
        Arbitrary<String> pieces = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withChars("<>&\"\\/\u2028\u2029\u007f\ufffd").ofMaxLength(3)),
                Tuple.of(3, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(3)),
                Tuple.of(4, Arbitraries.strings().ascii().ofMaxLength(6)),
                Tuple.of(3, any.list().ofMaxSize(4).map(JsonStorePropertiesTest::join)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)
                        .map(cp -> new String(Character.toChars(cp)))));
        return pieces.list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }

    @Property
    void stringsSurviveEmitAndLoad(@ForAll("texts") String key, @ForAll("texts") String value,
                                   @ForAll @IntRange(min = -1, max = 4) int indent) {
        JsonStore store = new JsonStore(indent);
        TreeBranch branch = new TreeBranch().add(key, value).add("list", List.of(value, key));

        List<TreeBranch> loaded = store.loadPlain(store.emitPlain(List.of(branch)));

        assertThat(loaded).containsExactly(branch);
    }

    @Property
    void numbersSurviveEmitAndLoad(@ForAll long integer, @ForAll double real) {
        Assume.that(Double.isFinite(real));
        JsonStore store = new JsonStore(-1);
        TreeBranch branch = new TreeBranch().add("i", integer).add("f", real);

        TreeBranch loaded = store.loadPlain(store.emitPlain(List.of(branch))).get(0);

        assertThat(loaded.get("i")).contains(integer);
        Object f = loaded.get("f").orElseThrow();
        double reloaded = f instanceof Long l ? (double) l : (Double) f;
        assertThat(reloaded == real).as("%s reloaded as %s", real, f).isTrue();
    }
}
