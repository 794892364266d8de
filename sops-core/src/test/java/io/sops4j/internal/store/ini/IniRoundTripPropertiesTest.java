package io.sops4j.internal.store.ini;

import io.sops4j.format.Format;
import io.sops4j.internal.go.GoText;
import io.sops4j.testing.EncryptedRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.FormatException;
import io.sops4j.internal.store.AwkwardText;
import io.sops4j.testing.Escaped;
import io.sops4j.testing.SeededCase;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * emitPlain then loadPlain gives the same document back for every section name, key, value and
 * comment that gopkg.in/ini.v1's format can carry (the loaded document always starts with the
 * {@code DEFAULT} section). ini.v1 cannot carry:
 * <ul>
 *   <li>section names that are empty or contain a newline, or a second {@code DEFAULT};</li>
 *   <li>keys that are empty or {@code -}, have surrounding white space, contain a newline,
 *       contain a backtick together with {@code "}, {@code =} or {@code :} (the key is backtick-quoted),
 *       or, unquoted, start with {@code #}, {@code ;} or {@code [};</li>
 *   <li>values written bare (no newline, backtick, {@code #}, {@code ;} or surrounding space) that start
 *       with {@code """}, end with a backslash (line continuation) or are surrounded by {@code '} or
 *       {@code "} (the quotes are removed); values with surrounding space that contain {@code "};
 *       values with a newline whose lines other than the last contain {@code """};</li>
 *   <li>comments that are empty, multi-line, start with {@code ;}, {@code #} or white space, or end
 *       with white space; a section comment of the header-less {@code DEFAULT} section.</li>
 * </ul>
 */
class IniRoundTripPropertiesTest {

    private final IniStore store = new IniStore();

    static boolean carriesSectionName(String name) {
        return !name.isEmpty() && name.indexOf('\n') < 0 && !name.equals(IniFile.DEFAULT_SECTION);
    }

    static boolean carriesKey(String key) {
        if (key.isEmpty() || key.equals("-") || !GoText.trimSpace(key).equals(key) || key.indexOf('\n') >= 0) {
            return false;
        }
        boolean backtickQuoted = key.indexOf('"') >= 0 || GoText.containsAny(key, "=:");
        if (backtickQuoted) {
            return key.indexOf('`') < 0;
        }
        return key.indexOf('`') >= 0 || !(key.startsWith("#") || key.startsWith(";") || key.startsWith("["));
    }

    static boolean carriesValue(String value) {
        if (GoText.containsAny(value, "\n`")) {
            String[] lines = value.split("\n", -1);
            for (int i = 0; i < lines.length - 1; i++) {
                if (lines[i].contains("\"\"\"")) {
                    return false;
                }
            }
            return true;
        }
        if (GoText.containsAny(value, "#;")) {
            return true;
        }
        if (!GoText.trimSpace(value).equals(value)) {
            return value.indexOf('"') < 0;
        }
        return !value.startsWith("\"\"\"") && !value.endsWith("\\") && !surrounded(value, '\'') && !surrounded(value, '"');
    }

    static boolean carriesComment(String comment) {
        return !comment.isEmpty() && comment.indexOf('\n') < 0 && GoText.trimSpace(comment).equals(comment)
                && !comment.startsWith(";") && !comment.startsWith("#");
    }

    private static boolean surrounded(String s, char quote) {
        return s.length() >= 2 && s.charAt(0) == quote && s.charAt(s.length() - 1) == quote
                && s.indexOf(quote, 1) == s.length() - 1;
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 500);
    }

    /** Up to 6 distinct keys, each optionally followed by a comment; {@code withSectionComment} may add a leading one. */
    static TreeBranch section(Random random, boolean withSectionComment) {
        int size = random.nextInt(7);
        Map<String, String> keys = new LinkedHashMap<>();
        while (keys.size() < size) {
            String key = AwkwardText.string(random, IniRoundTripPropertiesTest::carriesKey);
            keys.putIfAbsent(key, AwkwardText.string(random, IniRoundTripPropertiesTest::carriesValue));
        }
        TreeBranch items = new TreeBranch();
        String header = withSectionComment ? comment(random) : null;
        if (header != null) {
            items.add(Comment.of(header), null);
        }
        for (Map.Entry<String, String> entry : keys.entrySet()) {
            items.add(entry.getKey(), entry.getValue());
            String comment = comment(random);
            if (comment != null) {
                items.add(Comment.of(comment), null);
            }
        }
        return items;
    }

    private static String comment(Random random) {
        return random.nextInt(10) < 6 ? null : AwkwardText.string(random, IniRoundTripPropertiesTest::carriesComment);
    }

    static TreeBranch document(Random random) {
        TreeBranch document = new TreeBranch().add(IniFile.DEFAULT_SECTION, section(random, false));
        int count = random.nextInt(5);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            names.add(AwkwardText.string(random, IniRoundTripPropertiesTest::carriesSectionName));
        }
        for (String name : names) {
            document.add(name, section(random, true));
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
            assertThat(store.emitPlain(store.loadPlain(text))).isEqualTo(text);
        });
    }

    @Test
    void excludedValuesReallyChange() {
        Map<String, String> changed = new LinkedHashMap<>();
        changed.put("'quoted'", "quoted");
        changed.put("\"quoted\"", "quoted");
        changed.put(" a\"b ", "\" a\"b \"");
        for (Map.Entry<String, String> entry : changed.entrySet()) {
            assertThat(carriesValue(entry.getKey())).isFalse();
            assertThat(valueAfterRoundTrip(entry.getKey())).isNotEqualTo(entry.getKey());
        }
        assertThat(valueAfterRoundTrip("'quoted'")).isEqualTo("quoted");
        assertThat(valueAfterRoundTrip(" a\"b ")).isEqualTo("\" a\"b \"");
        assertThat(carriesValue("\"\"\"x")).isFalse();
        assertThatThrownBy(() -> valueAfterRoundTrip("\"\"\"x")).isInstanceOf(FormatException.class)
                .hasMessageContaining("missing closing value quote");
    }

    @Test
    void excludedKeysAndCommentsReallyChange() {
        assertThat(carriesKey("#k")).isFalse();
        TreeBranch loaded = roundTrip(new TreeBranch().add("DEFAULT", new TreeBranch())
                .add("s", new TreeBranch().add("#k", "v").add("x", "y")));
        assertThat(loaded).isEqualTo(new TreeBranch().add("DEFAULT", new TreeBranch())
                .add("s", new TreeBranch().add("x", "y").add(Comment.of("k = v"), null)));

        assertThat(carriesComment(" padded")).isFalse();
        TreeBranch commented = roundTrip(new TreeBranch().add("DEFAULT", new TreeBranch())
                .add("s", new TreeBranch().add("x", "y").add(Comment.of("; c"), null)));
        assertThat(((TreeBranch) commented.get("s").orElseThrow()).items().get(1).key()).isEqualTo(Comment.of("c"));
    }

    @Test
    void lineContinuationJoinsTheNextLine() {
        String text = new String(store.emitPlain(List.of(new TreeBranch()
                .add("s", new TreeBranch().add("a", "x\\").add("b", "y")))), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("[s]\na = x\\\nb = y\n");
        assertThat(store.loadPlain(text.getBytes(StandardCharsets.UTF_8)).get(0).get("s"))
                .contains(new TreeBranch().add("a", "xb = y"));
    }

    private String valueAfterRoundTrip(String value) {
        TreeBranch loaded = roundTrip(new TreeBranch().add("s", new TreeBranch().add("k", value)));
        return (String) ((TreeBranch) loaded.get("s").orElseThrow()).get("k").orElse(null);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("encryptionSeeds")
    void encryptedDocumentsDecryptToTheSameDocument(long seed) {
        TreeBranch document = document(new Random(seed));

        SeededCase.check(seed, Escaped.value(document), () -> EncryptedRoundTrip.check(Format.INI, document));
    }

    static LongStream encryptionSeeds() {
        return LongStream.rangeClosed(1, 30);
    }

    private TreeBranch roundTrip(TreeBranch document) {
        List<TreeBranch> loaded = store.loadPlain(store.emitPlain(List.of(document)));
        return loaded.get(0);
    }

}
