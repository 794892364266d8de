package io.sops4j.internal.store.yaml;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.internal.store.Store;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The YAML format as SOPS 3.13.2 reads and writes it with go.yaml.in/yaml/v3: several documents per
 * file, comments kept as tree items, yaml.v3's implicit types, and byte-identical output.
 */
public final class YamlStore implements Store {

    private static final String SOPS_KEY = "sops";
    private static final int DEFAULT_INDENT = 4;

    private final int indent;

    /**
     * @param indent spaces per nesting level; 0 means the default of 4; a negative indentation is
     *               refused when writing, as upstream does
     */
    public YamlStore(int indent) {
        this.indent = indent == 0 ? DEFAULT_INDENT : indent;
    }

    @Override
    public List<TreeBranch> loadPlain(byte[] input) {
        String notUtf8 = Utf8Check.firstProblem(input);
        if (notUtf8 != null) {
            throw new FormatException("Error unmarshaling input YAML: " + notUtf8);
        }
        List<YamlReader.Document> documents;
        try {
            // read through a decoder rather than a String: a large file is not held twice
            documents = YamlReader.read(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8),
                    longestRun(input) + 1);
        } catch (YamlEngineException | IllegalArgumentException e) {
            throw new FormatException("Error unmarshaling input YAML: " + ParseErrors.describe(e));
        }
        if (input.length > 0) {
            if (documents.isEmpty()) {
                throw new FormatException("EOF");
            }
            NodeConverter.checkFirstDocument(documents.get(0));
        }
        List<TreeBranch> branches = new ArrayList<>();
        for (YamlReader.Document document : documents) {
            branches.add(NodeConverter.document(document));
        }
        return branches;
    }

    /**
     * The longest stretch of bytes without a space, tab or line break: the most the scanner reads
     * ahead within one token. SnakeYAML Engine copies its window for every buffer it reads while a
     * token is open, so its buffer must hold the longest token for reading to stay linear.
     */
    static int longestRun(byte[] input) {
        int longest = 0;
        int run = 0;
        for (byte b : input) {
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                run = 0;
            } else if (++run > longest) {
                longest = run;
            }
        }
        return Math.min(longest, Integer.MAX_VALUE - 16);
    }

    @Override
    public EncryptedDocument loadEncrypted(byte[] input) {
        List<TreeBranch> branches = loadPlain(input);
        TreeBranch metadata = null;
        if (!branches.isEmpty()) {
            for (TreeItem item : branches.get(0)) {
                if (SOPS_KEY.equals(item.key())) {
                    if (metadata != null) {
                        throw new FormatException("Found duplicate sops entry");
                    }
                    if (!(item.value() instanceof TreeBranch branch)) {
                        throw new FormatException("Found sops entry that is not a mapping");
                    }
                    metadata = branch;
                }
            }
        }
        if (metadata == null) {
            throw new FormatException("sops metadata not found");
        }
        List<TreeBranch> stripped = new ArrayList<>();
        for (TreeBranch branch : branches) {
            TreeBranch copy = new TreeBranch();
            for (TreeItem item : branch) {
                if (!SOPS_KEY.equals(item.key())) {
                    copy.add(item);
                }
            }
            stripped.add(copy);
        }
        return new EncryptedDocument(stripped, metadata);
    }

    @Override
    public byte[] emitPlain(List<TreeBranch> branches) {
        if (indent < 0) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "YAML Negative indentation not accepted");
        }
        if (branches.isEmpty()) {
            return new byte[0];
        }
        YamlEmitter emitter = new YamlEmitter(indent);
        TreeEncoder encoder = new TreeEncoder(emitter);
        try {
            for (TreeBranch branch : branches) {
                encoder.document(branch);
            }
            emitter.accept(new EmitEvent(EmitEvent.Type.STREAM_END));
            return emitter.finish().getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error marshaling to YAML: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] emitEncrypted(List<TreeBranch> branches, TreeBranch metadata) {
        List<TreeBranch> withMetadata = new ArrayList<>();
        for (TreeBranch branch : branches) {
            TreeBranch copy = new TreeBranch(branch.items());
            copy.add(SOPS_KEY, metadata);
            withMetadata.add(copy);
        }
        return emitPlain(withMetadata);
    }

    @Override
    public byte[] emitValue(Object value) {
        YamlEmitter emitter = new YamlEmitter(DEFAULT_INDENT);
        try {
            new TreeEncoder(emitter).value(value);
            emitter.accept(new EmitEvent(EmitEvent.Type.STREAM_END));
            return emitter.finish().getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error marshaling to YAML: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasSopsTopLevelKey(TreeBranch branch) {
        return branch.containsKey(SOPS_KEY);
    }
}
