package io.sops4j.internal.store;

import io.sops4j.tree.TreeBranch;
import java.util.List;

/**
 * One file format: reads and writes plaintext documents, and places the {@code sops} metadata
 * the way upstream does for that format. Parse failures throw {@link io.sops4j.error.FormatException};
 * emit failures throw a {@link io.sops4j.error.SopsException} with {@link io.sops4j.error.ExitCode#ERROR_DUMPING_TREE}.
 */
public interface Store {

    /** The documents of a plaintext file. */
    List<TreeBranch> loadPlain(byte[] input);

    /** The documents and the metadata branch of an encrypted file. */
    EncryptedDocument loadEncrypted(byte[] input);

    /** A plaintext file of these documents. */
    byte[] emitPlain(List<TreeBranch> branches);

    /** An encrypted file: the (already encrypted) documents with the metadata branch placed. */
    byte[] emitEncrypted(List<TreeBranch> branches, TreeBranch metadata);

    /** One value on its own, as {@code --extract} prints a non-string, non-mapping value. */
    byte[] emitValue(Object value);

    /** Whether the document has a top-level key reserved for metadata. */
    boolean hasSopsTopLevelKey(TreeBranch branch);
}
