package io.sops4j.internal.store.json;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.internal.store.Store;
import io.sops4j.internal.store.json.GoJsonTokenizer.DecodeException;
import io.sops4j.internal.store.json.JsonTreeWriter.EncodeException;
import io.sops4j.internal.text.RawText;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * JSON files, read and written byte for byte as upstream sops does: member order and repeated
 * names are kept, integers that fit in 64 bits stay integers, and output follows Go's
 * {@code json.Marshal} escaping and {@code json.Indent} layout. Metadata is the last top-level
 * member, {@code "sops"}.
 */
public final class JsonStore implements Store {

    /** The top-level key holding the metadata. */
    public static final String METADATA_KEY = "sops";

    /**
     * Every line repeats the indentation once per level, so a huge indentation makes output without
     * bound (upstream runs out of memory); no reader needs more than this.
     */
    static final int MAX_INDENT = 64;

    private final int indent;

    /**
     * @param indent -1 for a tab per level (the default), 0 for no indentation, N for N spaces;
     *               values below -1, as upstream does, and above 64 are refused when writing
     */
    public JsonStore(int indent) {
        this.indent = indent;
    }

    public JsonStore() {
        this(-1);
    }

    @Override
    public List<TreeBranch> loadPlain(byte[] input) {
        return List.of(load(input, false));
    }

    /** Upstream reads an encrypted file with {@code json.Unmarshal} first, a plain one token by token. */
    private static TreeBranch load(byte[] input, boolean whole) {
        String failure = whole ? "Error unmarshalling input json: " : "Could not unmarshal input data: ";
        int invalid = RawText.firstInvalidByte(input);
        if (invalid >= 0) {
            // Go's decoder would put U+FFFD in place of such bytes; the value would be lost without a word
            throw new FormatException(failure + "invalid UTF-8 on line " + RawText.lineOf(input, invalid)
                    + " (JSON text must be UTF-8; the bytes would not survive encryption)");
        }
        try {
            return JsonTreeReader.read(input, whole);
        } catch (DecodeException e) {
            throw new FormatException(failure + e.getMessage()
                    + (e.line() > 0 ? " (line " + e.line() + ")" : ""), e.keyPath(), null);
        }
    }

    @Override
    public EncryptedDocument loadEncrypted(byte[] input) {
        TreeBranch document = load(input, true);
        TreeBranch metadata = null;
        boolean found = false;
        for (Iterator<TreeItem> items = document.items().iterator(); items.hasNext(); ) {
            TreeItem item = items.next();
            if (!METADATA_KEY.equals(item.key())) {
                continue;
            }
            if (found) {
                throw new FormatException("Found duplicate sops entry");
            }
            found = true;
            if (!(item.value() instanceof TreeBranch branch)) {
                throw new FormatException("Found sops entry that is not a mapping");
            }
            metadata = branch;
            items.remove();
        }
        if (metadata == null || metadata.isEmpty()) {
            throw new FormatException("sops metadata not found");
        }
        return new EncryptedDocument(List.of(document), metadata);
    }

    @Override
    public byte[] emitPlain(List<TreeBranch> branches) {
        if (branches.isEmpty()) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error marshaling to json: there is no document to write");
        }
        try {
            return indented(branches.get(0), "\n").getBytes(StandardCharsets.UTF_8);
        } catch (EncodeException e) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error marshaling to json: " + e.getMessage(), null,
                    e.keyPath(), null);
        }
    }

    @Override
    public byte[] emitEncrypted(List<TreeBranch> branches, TreeBranch metadata) {
        for (TreeBranch branch : branches) {
            if (hasSopsTopLevelKey(branch)) {
                throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error marshaling metadata: Found key \"sops\" "
                        + "in encrypted data, which is a reserved key used for SOPS metadata");
            }
        }
        if (branches.isEmpty()) {
            return emitPlain(branches);
        }
        TreeBranch document = new TreeBranch(branches.get(0).items());
        document.add(METADATA_KEY, metadata);
        return emitPlain(List.of(document));
    }

    @Override
    public byte[] emitValue(Object value) {
        try {
            return indented(value, "").getBytes(StandardCharsets.UTF_8);
        } catch (EncodeException e) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, e.getMessage(), null, e.keyPath(), null);
        }
    }

    @Override
    public boolean hasSopsTopLevelKey(TreeBranch branch) {
        return branch.containsKey(METADATA_KEY);
    }

    private String indented(Object value, String end) throws EncodeException {
        if (indent > MAX_INDENT) {
            throw new EncodeException("JSON Indentation parameter larger than " + MAX_INDENT + " is not accepted");
        }
        String text = JsonTreeWriter.write(value, indent == -1 ? "\t" : " ".repeat(Math.max(indent, 0)), end);
        if (indent < -1) {
            throw new EncodeException("JSON Indentation parameter smaller than -1 is not accepted");
        }
        return text;
    }
}
