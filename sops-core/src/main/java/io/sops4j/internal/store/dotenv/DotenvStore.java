package io.sops4j.internal.store.dotenv;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.internal.go.GoFormat;
import io.sops4j.internal.go.GoTypes;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.internal.store.MetadataFlattening;
import io.sops4j.internal.store.Store;
import io.sops4j.internal.text.RawText;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * dotenv files as upstream sops handles them: one {@code KEY=value} per line, split at the first
 * {@code =} without trimming or quote handling, {@code \n} in values standing for a newline, and
 * {@code #} lines as comments. The metadata is appended as flattened keys with the prefix
 * {@code sops_} ({@code sops_pgp__list_0__map_enc=...}).
 */
public final class DotenvStore implements Store {

    static final String SOPS_PREFIX = "sops_";

    @Override
    public List<TreeBranch> loadPlain(byte[] input) {
        String text = RawText.decode(input);
        TreeBranch branch = new TreeBranch();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == '#') {
                branch.add(Comment.of(utf8(line.substring(1), lineNumber, "comment")), null);
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new FormatException("invalid dotenv input line " + lineNumber + ": no '=' found");
            }
            branch.add(utf8(line.substring(0, equals), lineNumber, "key"),
                    RawText.value(line.substring(equals + 1).replace("\\n", "\n")));
        }
        return List.of(branch);
    }

    /**
     * Values keep bytes that are not UTF-8, as upstream does; a key or comment with such bytes is
     * refused rather than changed, since keys and comments are text here.
     */
    private static String utf8(String text, int lineNumber, String what) {
        if (RawText.hasRawBytes(text)) {
            throw new FormatException("invalid dotenv input line " + lineNumber + ": the " + what + " is not valid UTF-8");
        }
        return text;
    }

    @Override
    public EncryptedDocument loadEncrypted(byte[] input) {
        TreeBranch data = new TreeBranch();
        TreeBranch flat = new TreeBranch();
        for (TreeItem item : loadPlain(input).get(0)) {
            if (item.key() instanceof String key && key.startsWith(SOPS_PREFIX)) {
                flat.add(item);
            } else {
                data.add(item);
            }
        }
        if (flat.isEmpty()) {
            throw new FormatException("sops metadata not found");
        }
        return new EncryptedDocument(List.of(data), MetadataFlattening.unflatten(flat, SOPS_PREFIX));
    }

    @Override
    public byte[] emitPlain(List<TreeBranch> branches) {
        if (branches.isEmpty()) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "dotenv files need one document, got none");
        }
        StringBuilder out = new StringBuilder();
        for (TreeItem item : branches.get(0)) {
            Object value = item.value();
            if (value instanceof TreeBranch || value instanceof List<?>) {
                throw new SopsException(ExitCode.ERROR_DUMPING_TREE,
                        "cannot use complex value in dotenv file (key " + item.key() + ")");
            }
            if (item.key() instanceof Comment comment) {
                out.append('#').append(comment.value()).append('\n');
            } else {
                String text = value instanceof String || value instanceof byte[]
                        ? RawText.of(value).replace("\n", "\\n") : GoFormat.valToString(value);
                out.append(item.key()).append('=').append(text).append('\n');
            }
        }
        return RawText.encode(out.toString());
    }

    @Override
    public byte[] emitEncrypted(List<TreeBranch> branches, TreeBranch metadata) {
        if (branches.isEmpty()) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "dotenv files need one document, got none");
        }
        TreeBranch withMetadata = new TreeBranch(branches.get(0).items());
        for (TreeItem item : MetadataFlattening.flatten(metadata, SOPS_PREFIX)) {
            if (item.value() != null) {
                withMetadata.add(item);
            }
        }
        return emitPlain(List.of(withMetadata));
    }

    @Override
    public byte[] emitValue(Object value) {
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw new SopsException(ExitCode.GENERIC,
                "the dotenv store only supports emitting strings, got " + GoTypes.name(value));
    }

    @Override
    public boolean hasSopsTopLevelKey(TreeBranch branch) {
        for (TreeItem item : branch) {
            if (item.key() instanceof String key && key.startsWith(SOPS_PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
