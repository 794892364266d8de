package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeyService;
import io.sops4j.keys.MasterKey;
import io.sops4j.keys.age.AgeKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key services named in a {@link KeyEnvironment}: order, the local one switched off, failures reported per service. */
class KeyServicesTest {

    private static final byte[] PLAINTEXT = "db:\n    password: hunter2\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private final AgeKeys.KeyPair pair = AgeKeys.generateX25519();

    @Test
    void aServiceHoldingTheKeyWrapsAndUnwrapsWhenTheLocalOneIsOff() {
        KeyEnvironment withoutKey = env().withLocalKeyService(false).withKeyServices(List.of(holder()));
        byte[] encrypted = Sops.builder().environment(withoutKey).build()
                .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));

        DecryptedFile local = Sops.builder().environment(env().with("SOPS_AGE_KEY", pair.identity())).build()
                .decrypt(encrypted, Format.YAML);
        assertThat(new String(local.toBytes(), StandardCharsets.UTF_8)).isEqualTo(new String(PLAINTEXT, StandardCharsets.UTF_8));

        DecryptedFile remote = Sops.builder().environment(withoutKey).build().decrypt(encrypted, Format.YAML);
        assertThat(remote.toBytes()).isEqualTo(PLAINTEXT);
    }

    @Test
    void servicesAreTriedInOrderAfterTheLocalKeysAndTheFirstSuccessWins() {
        List<String> asked = new ArrayList<>();
        KeyService refusing = new Refusing("first service refuses", asked);
        KeyService holding = new Recording(holder(), asked);
        KeyService never = new Recording(holder(), asked);
        byte[] encrypted = Sops.builder().environment(env().with("SOPS_AGE_KEY", pair.identity())).build()
                .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));

        KeyEnvironment chain = env().withKeyServices(List.of(refusing, holding, never));
        assertThat(Sops.builder().environment(chain).build().decrypt(encrypted, Format.YAML).toBytes()).isEqualTo(PLAINTEXT);
        assertThat(asked).containsExactly("first service refuses", "recording");
    }

    @Test
    void everyServiceFailureIsReportedForTheKey() {
        byte[] encrypted = Sops.builder().environment(env().with("SOPS_AGE_KEY", pair.identity())).build()
                .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));
        KeyEnvironment chain = env().withKeyServices(List.of(new Refusing("rpc error: first", new ArrayList<>()),
                new Refusing("rpc error: second", new ArrayList<>())));

        SopsException failure = catchThrowableOfType(SopsException.class,
                () -> Sops.builder().environment(chain).build().decrypt(encrypted, Format.YAML));
        assertThat(failure.exitCode()).isEqualTo(ExitCode.COULD_NOT_RETRIEVE_KEY);
        assertThat(failure.getMessage()).contains(pair.recipient() + ": FAILED", "- | rpc error: first", "- | rpc error: second")
                .doesNotContain("hunter2");
    }

    @Test
    void noServiceAtAllIsRefusedOnEncryptionAndDecryption() {
        KeyEnvironment none = env().withLocalKeyService(false);
        SopsException encrypting = catchThrowableOfType(SopsException.class, () -> Sops.builder().environment(none).build()
                .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient()))));
        assertThat(encrypting.exitCode()).isEqualTo(ExitCode.GENERIC);
        assertThat(encrypting.getMessage()).contains("no key service to use");

        byte[] encrypted = Sops.builder().environment(env()).build()
                .encrypt(PLAINTEXT, Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));
        SopsException decrypting = catchThrowableOfType(SopsException.class,
                () -> Sops.builder().environment(none).build().decrypt(encrypted, Format.YAML));
        assertThat(decrypting.exitCode()).isEqualTo(ExitCode.COULD_NOT_RETRIEVE_KEY);
    }

    @Test
    void theSettingsSurviveOtherChangesOfTheEnvironment() {
        KeyService service = holder();
        KeyEnvironment changed = env().withLocalKeyService(false).withKeyServices(List.of(service)).with("X", "1");
        assertThat(changed.localKeyService()).isFalse();
        assertThat(changed.keyServices()).containsExactly(service);
        assertThat(env().localKeyService()).isTrue();
        assertThat(env().keyServices()).isEmpty();
    }

    /** The keys of another environment, the one holding the age identity. */
    private KeyService holder() {
        KeyEnvironment keys = env().with("SOPS_AGE_KEY", pair.identity());
        return new KeyService() {
            @Override
            public MasterKey encrypt(MasterKey key, byte[] plaintext) {
                return key.encrypt(plaintext, keys);
            }

            @Override
            public byte[] decrypt(MasterKey key) {
                return key.decrypt(keys);
            }
        };
    }

    private KeyEnvironment env() {
        return KeyEnvironment.of(Map.of(), home);
    }

    private record Refusing(String message, List<String> asked) implements KeyService {
        @Override
        public MasterKey encrypt(MasterKey key, byte[] plaintext) {
            asked.add(message);
            throw new SopsException(ExitCode.GENERIC, message);
        }

        @Override
        public byte[] decrypt(MasterKey key) {
            asked.add(message);
            throw new SopsException(ExitCode.GENERIC, message);
        }
    }

    private record Recording(KeyService delegate, List<String> asked) implements KeyService {
        @Override
        public MasterKey encrypt(MasterKey key, byte[] plaintext) {
            asked.add("recording");
            return delegate.encrypt(key, plaintext);
        }

        @Override
        public byte[] decrypt(MasterKey key) {
            asked.add("recording");
            return delegate.decrypt(key);
        }
    }
}
