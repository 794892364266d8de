package io.sops4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code *.tree.json} files of the upstream store cases (see their README): a list of
 * documents; a mapping is an array of {@code [key, value]} or {@code {"comment": text}} items; a
 * sequence is {@code {"list": [...]}}; numbers are 64-bit integers.
 */
public final class TreeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);

    private TreeJson() {
    }

    public static List<TreeBranch> read(Path file) {
        try {
            JsonNode documents = MAPPER.readTree(file.toFile());
            List<TreeBranch> branches = new ArrayList<>();
            for (JsonNode document : documents) {
                branches.add(branch(document));
            }
            return branches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TreeBranch branch(JsonNode items) {
        TreeBranch branch = new TreeBranch();
        for (JsonNode item : items) {
            if (item.isObject() && item.has("comment")) {
                branch.add(new Comment(item.get("comment").asText(), false), null);
            } else {
                branch.add(item.get(0).asText(), value(item.get(1)));
            }
        }
        return branch;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isArray()) {
            return branch(node);
        }
        if (node.isObject() && node.has("list")) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node.get("list")) {
                if (element.isObject() && element.has("comment")) {
                    list.add(new Comment(element.get("comment").asText(), false));
                } else {
                    list.add(value(element));
                }
            }
            return list;
        }
        throw new IllegalArgumentException("unexpected tree.json node: " + node);
    }
}
