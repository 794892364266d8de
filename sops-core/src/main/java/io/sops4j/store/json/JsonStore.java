package io.sops4j.store.json;

import io.sops4j.store.EncryptedDocument;
import io.sops4j.store.Store;
import io.sops4j.tree.TreeBranch;
import java.util.List;

public final class JsonStore implements Store {

    public JsonStore(int indent) {
    }

    @Override
    public List<TreeBranch> loadPlain(byte[] input) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public EncryptedDocument loadEncrypted(byte[] input) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public byte[] emitPlain(List<TreeBranch> branches) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public byte[] emitEncrypted(List<TreeBranch> branches, TreeBranch metadata) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public byte[] emitValue(Object value) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public boolean hasSopsTopLevelKey(TreeBranch branch) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
