package io.sops4j.keys;

/**
 * Wraps and unwraps data keys for master keys it holds the credentials of, such as a sops key
 * service reached over the network (module {@code sops-keyservice}). A {@link KeyEnvironment}
 * names the key services to use, tried in order after its own keys, as upstream's
 * {@code --keyservice}; the first that succeeds for a master key wins.
 */
public interface KeyService {

    /**
     * Wraps {@code plaintext} (a data key or a Shamir share) with {@code key}.
     *
     * @param key the master key, holding no wrapped copy or an old one
     * @param plaintext the bytes to wrap
     * @return {@code key} holding the wrapped bytes
     * @throws io.sops4j.error.SopsException when the service cannot wrap with this key
     */
    MasterKey encrypt(MasterKey key, byte[] plaintext);

    /**
     * Unwraps the {@link MasterKey#encryptedKey()} of {@code key}.
     *
     * @param key the master key holding a wrapped copy
     * @return the unwrapped bytes
     * @throws io.sops4j.error.SopsException when the service cannot unwrap with this key
     */
    byte[] decrypt(MasterKey key);
}
