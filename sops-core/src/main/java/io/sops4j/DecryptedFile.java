package io.sops4j;

import io.sops4j.error.ExitCode;
import io.sops4j.error.KeyNotFoundException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.format.StoreOptions;
import io.sops4j.internal.crypto.ValueCipher;
import io.sops4j.internal.format.Stores;
import io.sops4j.internal.limits.DeepStack;
import io.sops4j.metadata.Metadata;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decrypted SOPS file: its plaintext documents, its metadata, and the data key it was opened
 * with (kept so the file can be re-encrypted without asking the key holders again).
 *
 * <p>Close it as soon as the plaintext is no longer needed: {@link #close()} overwrites the data
 * key held in memory. Use it in a {@code try}-with-resources block:
 *
 * <pre>{@code
 * try (DecryptedFile file = sops.decrypt(Path.of("secrets.sops.yaml"))) {
 *     Map<String, Object> values = file.toMap();
 * }
 * }</pre>
 */
public final class DecryptedFile implements AutoCloseable {

    private final Tree tree;
    private final Format format;
    private final Path file;
    private final byte[] dataKey;
    private final ValueCipher cipher;
    private final StoreOptions storeOptions;

    DecryptedFile(Tree tree, Format format, Path file, byte[] dataKey, ValueCipher cipher, StoreOptions storeOptions) {
        this.tree = tree;
        this.format = format;
        this.file = file;
        this.dataKey = dataKey;
        this.cipher = cipher;
        this.storeOptions = storeOptions;
    }

    /** The plaintext documents and the metadata. The documents may be changed before re-encrypting. */
    Tree tree() {
        return tree;
    }

    /**
     * The plaintext documents (a YAML file may have several; other formats have one).
     *
     * @return the plaintext documents (a YAML file may have several; other formats have one)
     */
    public List<TreeBranch> documents() {
        return tree.branches();
    }

    /**
     * The file's SOPS metadata: key groups, encryption rules, MAC, version.
     *
     * @return the file's SOPS metadata
     */
    public Metadata metadata() {
        return tree.metadata();
    }

    /**
     * The format the file was read as.
     *
     * @return the format the file was read as
     */
    public Format format() {
        return format;
    }

    /**
     * The plaintext in the file's own format, as {@code sops decrypt} prints it.
     *
     * @return the plaintext in the file's own format, as {@code sops decrypt} prints it
     */
    public byte[] toBytes() {
        return toBytes(format);
    }

    /**
     * The plaintext in another format, as {@code sops decrypt --output-type} prints it, with the
     * store options of the {@link Sops} that opened the file.
     *
     * @param output the format to write
     * @return the plaintext in another format, as {@code sops decrypt --output-type} prints it, with the
     *     store options of the {@link Sops} that opened the file
     */
    public byte[] toBytes(Format output) {
        try {
            return DeepStack.call(() -> Stores.of(output, storeOptions).emitPlain(tree.branches()));
        } catch (SopsException e) {
            if (e.exitCode() == ExitCode.ERROR_DUMPING_TREE) {
                throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error dumping file: " + e.getMessage(), file,
                        e.keyPath(), e);
            }
            throw e.inFile(file);
        } catch (RuntimeException e) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error dumping file: " + e.getMessage(), file, null, e);
        }
    }

    /**
     * The first document as nested {@link Map}s and {@link List}s in file order, comments left out.
     *
     * @return the first document as nested {@link Map}s and {@link List}s in file order, comments left out
     */
    public Map<String, Object> toMap() {
        return tree.branches().isEmpty() ? Map.of() : DeepStack.call(() -> toMap(tree.branches().get(0)));
    }

    /**
     * The value at an {@code --extract} path of the first document.
     *
     * @param path a path as {@code --extract} takes it, such as {@code ["app"]["db"]}
     * @return the value at an {@code --extract} path of the first document
     */
    public Object extract(String path) {
        return extract(TreePath.parse(path));
    }

    /**
     * The value at {@code path} of the first document: a {@link String}, number, {@link Boolean},
     * {@code byte[]}, {@link TreeBranch} or {@link List}.
     *
     * @param path the path to the value
     * @return the value at {@code path} of the first document
     * @throws KeyNotFoundException when the path does not exist
     */
    public Object extract(TreePath path) {
        if (tree.branches().isEmpty()) {
            throw new SopsException(ExitCode.GENERIC, "file has no document", file, null, null);
        }
        try {
            Object value = path.resolve(tree.branches().get(0));
            return value;
        } catch (SopsException e) {
            throw e.inFile(file);
        }
    }

    /**
     * The value at an {@code --extract} path as {@code sops decrypt --extract} prints it: a string
     * raw without a newline, a mapping as a document, other values as the output store prints one value.
     *
     * @param path a path as {@code --extract} takes it
     * @param output the format that prints values other than strings and mappings
     * @return the value at an {@code --extract} path as {@code sops decrypt --extract} prints it
     */
    public byte[] extractBytes(String path, Format output) {
        Object value = extract(path);
        try {
            if (value instanceof String s) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            if (value instanceof byte[] bytes) {
                return bytes.clone();
            }
            if (value instanceof TreeBranch branch) {
                return DeepStack.call(() -> Stores.of(output, storeOptions).emitPlain(List.of(branch)));
            }
            return DeepStack.call(() -> Stores.of(output, storeOptions).emitValue(value));
        } catch (SopsException e) {
            throw e.inFile(file);
        } catch (RuntimeException e) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error dumping file: " + e.getMessage(), file, null, e);
        }
    }

    /**
     * Sets the value at {@code path} of the first document, creating missing keys and list
     * elements as {@code sops set} does; returns whether the document changed.
     *
     * @param path where to set the value
     * @param value a string, number, boolean, {@code null}, {@link TreeBranch} or {@link List}
     * @return whether the document changed
     */
    public boolean setValue(TreePath path, Object value) {
        TreeBranch document = firstDocument();
        return DeepStack.call(() -> {
            TreeBranch before = document.deepCopy();
            TreeEdits.set(document, path.components(), value);
            return !before.equals(document);
        });
    }

    /**
     * Removes the value at {@code path} of the first document, as {@code sops unset} does.
     *
     * @param path the value to remove
     * @throws KeyNotFoundException when the path does not exist
     */
    public void unsetValue(TreePath path) {
        TreeBranch document = firstDocument();
        DeepStack.run(() -> TreeEdits.unset(document, path.components()));
    }

    private TreeBranch firstDocument() {
        if (tree.branches().isEmpty()) {
            throw new SopsException(ExitCode.GENERIC, "file has no document", file, null, null);
        }
        return tree.branches().get(0);
    }

    /**
     * This file's documents under other metadata (for example another stored version), keeping the
     * data key and the memory of decrypted values, so that {@link Sops#reencrypt} leaves the
     * ciphertext of unchanged values as it was. Both files share the data key: closing one closes
     * the other.
     *
     * @param newMetadata the metadata of the new file
     * @return a file sharing this one's documents and data key
     */
    public DecryptedFile withMetadata(Metadata newMetadata) {
        return withTree(tree.withMetadata(newMetadata));
    }

    /** This file with other documents or metadata, sharing the data key, as {@link #withMetadata}. */
    DecryptedFile withTree(Tree newTree) {
        return new DecryptedFile(newTree, format, file, dataKey, cipher, storeOptions);
    }

    /**
     * A value for {@link #setValue} from JSON, as {@code sops set} reads its value argument: an
     * object becomes a {@link TreeBranch} (its integers stay integers, as the JSON store reads
     * them); a string, boolean or {@code null} stays what it is; a number becomes a {@link Double},
     * as Go's {@code encoding/json} reads it. Arrays are refused, as upstream refuses them.
     *
     * @param json one JSON value
     * @return the value
     * @throws SopsException (exit code {@link ExitCode#INVALID_SET_FORMAT}) when the text is not
     *         one JSON value or is an array; the message never holds the text
     */
    public static Object jsonValue(String json) {
        return JsonValues.parse(json);
    }

    /**
     * The first document's top-level values as environment variables, as {@code sops exec-env}
     * sets them: comments are skipped, a string stays as it is, other scalars are written as sops
     * writes them in text ({@code 1.0}, {@code true}, RFC 3339 times).
     *
     * @return the variables by name, in file order
     * @throws SopsException when a value is a mapping or a list, or a key holds {@code =}; the
     *         message names the key, never a value
     */
    public Map<String, String> toEnvironment() {
        return tree.branches().isEmpty() ? new LinkedHashMap<>() : EnvironmentVariables.of(tree.branches().get(0));
    }

    byte[] dataKey() {
        return dataKey;
    }

    ValueCipher cipher() {
        return cipher;
    }

    Path file() {
        return file;
    }

    /**
     * Overwrites the data key held in memory; the file can no longer be re-encrypted. The
     * plaintext documents stay readable. Closing twice does nothing more.
     */
    @Override
    public void close() {
        Arrays.fill(dataKey, (byte) 0);
    }

    static Map<String, Object> toMap(TreeBranch branch) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (TreeItem item : branch) {
            if (item.key() instanceof String key) {
                map.put(key, plain(item.value()));
            }
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof TreeBranch branch) {
            return toMap(branch);
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            for (Object element : list) {
                if (!(element instanceof Comment)) {
                    values.add(plain(element));
                }
            }
            return values;
        }
        return value;
    }
}
