package io.sops4j.internal.datakey;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeyService;
import io.sops4j.keys.MasterKey;

/** Upstream's local key service: the master keys with the credentials of this environment. */
record LocalKeyService(KeyEnvironment environment) implements KeyService {

    @Override
    public MasterKey encrypt(MasterKey key, byte[] plaintext) {
        return key.encrypt(plaintext, environment);
    }

    @Override
    public byte[] decrypt(MasterKey key) {
        return key.decrypt(environment);
    }
}
