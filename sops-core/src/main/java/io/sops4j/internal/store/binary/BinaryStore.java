package io.sops4j.internal.store.binary;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.internal.store.Store;
import io.sops4j.internal.store.json.JsonStore;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any file as one opaque value: the plaintext document has the single key {@code data} holding
 * the file's exact bytes (a {@code byte[]}, so that content that is not UTF-8 survives), and the
 * encrypted form is the JSON document {@code {"data": "ENC[...]", "sops": {...}}}.
 */
public final class BinaryStore implements Store {

    /** The only key of a binary document. */
    public static final String DATA_KEY = "data";

    private static final String EMIT_ERROR = "error emitting binary store: ";

    private final JsonStore envelope;

    /** @param indent the layout of the JSON envelope, as for {@link JsonStore#JsonStore(int)} */
    public BinaryStore(int indent) {
        this.envelope = new JsonStore(indent);
    }

    public BinaryStore() {
        this(-1);
    }

    @Override
    public List<TreeBranch> loadPlain(byte[] input) {
        return List.of(new TreeBranch().add(DATA_KEY, input.clone()));
    }

    @Override
    public EncryptedDocument loadEncrypted(byte[] input) {
        return envelope.loadEncrypted(input);
    }

    /** The bytes of {@code data}; a {@link String} value is written as UTF-8. */
    @Override
    public byte[] emitPlain(List<TreeBranch> branches) {
        if (branches.size() != 1) {
            throw emitError("there must be exactly one tree branch");
        }
        for (TreeItem item : branches.get(0)) {
            if (DATA_KEY.equals(item.key())) {
                if (item.value() instanceof byte[] bytes) {
                    return bytes.clone();
                }
                if (item.value() instanceof String text) {
                    return text.getBytes(StandardCharsets.UTF_8);
                }
                throw emitError("'data' key in tree does not have a string value");
            }
        }
        throw emitError("no binary data found in tree");
    }

    @Override
    public byte[] emitEncrypted(List<TreeBranch> branches, TreeBranch metadata) {
        return envelope.emitEncrypted(branches, metadata);
    }

    @Override
    public byte[] emitValue(Object value) {
        throw new SopsException(ExitCode.ERROR_DUMPING_TREE,
                "Binary files are not structured and extracting a single value is not possible");
    }

    @Override
    public boolean hasSopsTopLevelKey(TreeBranch branch) {
        return envelope.hasSopsTopLevelKey(branch);
    }

    private static SopsException emitError(String detail) {
        return new SopsException(ExitCode.ERROR_DUMPING_TREE, EMIT_ERROR + detail);
    }
}
