package io.sops4j.cli;

import io.sops4j.format.Format;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.util.ArrayList;
import java.util.List;

/** The documents {@code sops edit} starts a new file with, per format, as upstream's stores emit them. */
final class ExampleDocuments {

    private static final String WELCOME = "Welcome to SOPS! Edit this file as you please!";

    private ExampleDocuments() {
    }

    static List<TreeBranch> of(Format format) {
        return switch (format) {
            case YAML, JSON -> List.of(complex());
            case INI -> List.of(simple());
            case DOTENV -> List.of(flat());
            case BINARY -> List.of(new TreeBranch().add("data", WELCOME));
        };
    }

    private static TreeBranch complex() {
        return new TreeBranch()
                .add("hello", WELCOME)
                .add("example_key", "example_value")
                .add(Comment.of(" Example comment"), null)
                .add("example_array", new ArrayList<>(List.of("example_value1", "example_value2")))
                .add("example_number", 1234.56789)
                .add("example_booleans", new ArrayList<>(List.of(true, false)));
    }

    private static TreeBranch simple() {
        return new TreeBranch().add("Welcome!", new TreeBranch()
                .add(Comment.of(" This is an example file."), null)
                .add("hello", WELCOME)
                .add("example_key", "example_value"));
    }

    private static TreeBranch flat() {
        return new TreeBranch()
                .add(Comment.of(" This is an example file."), null)
                .add("hello", WELCOME)
                .add("example_key", "example_value")
                .add("example_multiline", "foo\nbar\nbaz");
    }
}
