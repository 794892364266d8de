package io.sops4j.internal.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Comments of nested collections, where a collection's own leading comments meet those its parent
 * places above it; the expected texts are what the store wrote when it built the whole node tree
 * before writing (the layout of SOPS's {@code appendSequence} and {@code appendMapping}).
 */
class YamlCommentEmittingTest {

    private final YamlStore store = new YamlStore(0);

    private String emit(TreeBranch branch) {
        return new String(store.emitPlain(List.of(branch)), StandardCharsets.UTF_8);
    }

    @Test
    void mappingInSequenceKeepsParentCommentsFirst() {
        TreeBranch item = new TreeBranch()
                .add(Comment.of(" own leading"), null)
                .add("a", 1L)
                .add(new Comment(" after a", true), null)
                .add("b", List.of(Comment.of(" list lead"), "x", Comment.of(" list tail")));
        TreeBranch root = new TreeBranch()
                .add(Comment.of(" top"), null)
                .add("list", List.of(Comment.of(" list head"), "first", Comment.of(" from parent"), item, "last",
                        Comment.of(" foot")))
                .add(Comment.of(" end"), null);
        assertThat(emit(root)).isEqualTo("""
                # top
                list:
                    # list head
                    - first
                    # from parent
                    # own leading
                    - a: 1
                      b:
                        # list lead
                        - x
                        # list tail
                    - last # after a
                    # foot
                # end
                """);
    }

    @Test
    void deepNestingStreamsEveryLevel() {
        Object value = "leaf";
        for (int depth = 0; depth < 200; depth++) {
            value = depth % 2 == 0 ? new TreeBranch().add(Comment.of(" d" + depth), null).add("k", value) : List.of(value);
        }
        String text = emit(new TreeBranch().add("root", value));
        assertThat(text).contains("leaf").contains("# d0").contains("# d198");
        assertThat(emit(store.loadPlain(text.getBytes(StandardCharsets.UTF_8)).get(0))).isEqualTo(text);
    }
}
