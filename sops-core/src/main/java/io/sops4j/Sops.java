package io.sops4j;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.MacMismatchException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.format.StoreOptions;
import io.sops4j.internal.crypto.IvSource;
import io.sops4j.internal.crypto.TreeCipher;
import io.sops4j.internal.crypto.ValueCipher;
import io.sops4j.internal.datakey.DataKeys;
import io.sops4j.internal.datakey.DecryptionOrder;
import io.sops4j.internal.format.Stores;
import io.sops4j.internal.go.GoFormat;
import io.sops4j.internal.limits.DeepStack;
import io.sops4j.internal.metadata.MetadataCodec;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.internal.store.Store;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads and writes SOPS files. Thread-safe; create one and reuse it.
 *
 * <pre>{@code
 * Sops sops = Sops.create();
 * Map<String, Object> secrets = sops.decrypt(Path.of("secrets.sops.yaml")).toMap();
 * }</pre>
 */
public final class Sops {

    private final KeyEnvironment environment;
    private final DecryptionOrder decryptionOrder;
    private final MetadataCodec codec;
    private final StoreOptions storeOptions;
    private final boolean ignoreMac;
    private final Consumer<String> warnings;
    private final Supplier<IvSource> ivSources;
    private final Clock clock;
    private final Supplier<byte[]> dataKeys;

    private Sops(Builder builder) {
        this.environment = builder.environment;
        this.decryptionOrder = builder.decryptionOrder != null ? builder.decryptionOrder : DecryptionOrder.from(environment);
        this.codec = new MetadataCodec(builder.keySources != null ? builder.keySources : KeySources.installed());
        this.storeOptions = builder.storeOptions;
        this.ignoreMac = builder.ignoreMac;
        this.warnings = builder.warnings;
        this.ivSources = builder.ivSources;
        this.clock = builder.clock;
        this.dataKeys = builder.dataKeys;
    }

    // the defaults are plain calls rather than method references: each reference costs a call-site link at start-up
    private IvSource ivSource() {
        return ivSources != null ? ivSources.get() : IvSource.random();
    }

    private byte[] newDataKey() {
        return dataKeys != null ? dataKeys.get() : DataKeys.generate();
    }

    private void warn(String warning) {
        if (warnings != null) {
            warnings.accept(warning);
        } else {
            System.getLogger("io.sops4j").log(System.Logger.Level.WARNING, warning);
        }
    }

    /**
     * Keys from the process environment and home directory, the key sources on the class path.
     *
     * @return an instance with the defaults
     */
    public static Sops create() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults of {@link #create()}.
     *
     * @return a builder starting from the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where this instance's key sources find credentials.
     *
     * @return where this instance's key sources find credentials
     */
    public KeyEnvironment environment() {
        return environment;
    }

    // ---------------------------------------------------------------- decryption

    /**
     * Decrypts a file whose format follows from its name.
     *
     * @param file the encrypted file
     * @return the decrypted file; close it to wipe its data key
     */
    public DecryptedFile decrypt(Path file) {
        return decrypt(file, Format.fromPath(file));
    }

    /**
     * Decrypts a file read as {@code format}.
     *
     * @param file the encrypted file
     * @param format the format to read the file as
     * @return the decrypted file; close it to wipe its data key
     */
    public DecryptedFile decrypt(Path file, Format format) {
        return decrypt(read(file), format, file);
    }

    /**
     * Decrypts the content of a file read as {@code format}.
     *
     * @param input the encrypted file's content
     * @param format the format to read it as
     * @return the decrypted file; close it to wipe its data key
     */
    public DecryptedFile decrypt(byte[] input, Format format) {
        return decrypt(input, format, null);
    }

    /**
     * Decrypts a stream read to its end as {@code format}; the stream is not closed.
     *
     * @param input the encrypted file's content
     * @param format the format to read it as
     * @return the decrypted file; close it to wipe its data key
     */
    public DecryptedFile decrypt(InputStream input, Format format) {
        try {
            return decrypt(input.readAllBytes(), format, null);
        } catch (IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Error reading input: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the metadata of an encrypted file without decrypting anything.
     *
     * @param input the encrypted file's content
     * @param format the format to read it as
     * @return the file's metadata
     */
    public Metadata metadata(byte[] input, Format format) {
        return DeepStack.call(() -> readMetadata(input, format));
    }

    private Metadata readMetadata(byte[] input, Format format) {
        return codec.fromBranch(Stores.of(format, storeOptions).loadEncrypted(input).metadata());
    }

    DecryptedFile decrypt(byte[] input, Format format, Path file) {
        return DeepStack.call(() -> decryptTree(input, format, file));
    }

    private DecryptedFile decryptTree(byte[] input, Format format, Path file) {
        try {
            EncryptedDocument document = Stores.of(format, storeOptions).loadEncrypted(input);
            Metadata metadata = codec.fromBranch(document.metadata());
            byte[] dataKey = DataKeys.recover(metadata, environment, decryptionOrder);
            try {
                ValueCipher cipher = new ValueCipher(dataKey, ivSource());
                TreeCipher treeCipher = new TreeCipher(cipher, metadata.rules(), metadata.macOnlyEncrypted());
                List<TreeBranch> branches = new ArrayList<>(document.branches());
                String computedMac = treeCipher.decrypt(branches);
                if (!ignoreMac) {
                    verifyMac(treeCipher, metadata, computedMac);
                } else {
                    try {
                        verifyMac(treeCipher, metadata, computedMac);
                    } catch (MacMismatchException e) {
                        warn((file == null ? "" : file + ": ") + e.getMessage() + " (ignored: --ignore-mac)");
                    }
                }
                return new DecryptedFile(new Tree(branches, metadata), format, file, dataKey, cipher, storeOptions);
            } catch (RuntimeException e) {
                Arrays.fill(dataKey, (byte) 0);
                throw e;
            }
        } catch (SopsException e) {
            throw e.inFile(file);
        }
    }

    private static void verifyMac(TreeCipher treeCipher, Metadata metadata, String computedMac) {
        if (metadata.mac().isEmpty()) {
            throw new MacMismatchException("MAC mismatch: the file has no MAC");
        }
        String storedMac = treeCipher.decryptMac(metadata.mac(), metadata.lastModified());
        if (storedMac == null) {
            throw new MacMismatchException("Cannot decrypt MAC: it does not belong to this data key and lastmodified date");
        }
        if (!storedMac.equals(computedMac)) {
            throw new MacMismatchException("MAC mismatch: the values do not match the file's MAC (tampered or reordered)");
        }
    }

    // ---------------------------------------------------------------- encryption

    /**
     * Encrypts a plaintext file whose format follows from its name.
     *
     * @param file the plaintext file
     * @param options the keys and rules to encrypt with
     * @return the encrypted file's content
     */
    public byte[] encrypt(Path file, EncryptionOptions options) {
        Format format = Format.fromPath(file);
        try {
            return encrypt(read(file), format, format, options);
        } catch (SopsException e) {
            throw e.inFile(file);
        }
    }

    /**
     * Encrypts plaintext read and written as {@code format}.
     *
     * @param plaintext the plaintext file's content
     * @param format the format of the plaintext and of the result
     * @param options the keys and rules to encrypt with
     * @return the encrypted file's content
     */
    public byte[] encrypt(byte[] plaintext, Format format, EncryptionOptions options) {
        return encrypt(plaintext, format, format, options);
    }

    /**
     * Encrypts plaintext read as {@code input} and written as {@code output}.
     *
     * @param plaintext the plaintext file's content
     * @param input the format of the plaintext
     * @param output the format of the result
     * @param options the keys and rules to encrypt with
     * @return the encrypted file's content
     */
    public byte[] encrypt(byte[] plaintext, Format input, Format output, EncryptionOptions options) {
        return DeepStack.call(() -> encryptPlaintext(plaintext, input, output, options));
    }

    private byte[] encryptPlaintext(byte[] plaintext, Format input, Format output, EncryptionOptions options) {
        List<TreeBranch> branches;
        try {
            branches = Stores.of(input, storeOptions).loadPlain(plaintext);
        } catch (SopsException e) {
            throw new FormatException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Error unmarshalling file: " + e.getMessage(),
                    e.file(), e.keyPath(), e);
        }
        if (branches.isEmpty()) {
            throw new SopsException(ExitCode.NEED_AT_LEAST_ONE_DOCUMENT,
                    "File cannot be completely empty, it must contain at least one document");
        }
        Store outputStore = Stores.of(output, storeOptions);
        for (TreeBranch branch : branches) {
            if (outputStore.hasSopsTopLevelKey(branch)) {
                throw new SopsException(ExitCode.FILE_ALREADY_ENCRYPTED,
                        "File already encrypted (it has a top-level sops key)");
            }
        }
        Metadata metadata = newMetadata(options, input == Format.BINARY || output == Format.BINARY);
        byte[] dataKey = newDataKey();
        try {
            metadata = metadata.withKeyGroups(DataKeys.wrap(dataKey, options.keyGroups(), metadata.shamirThreshold(), environment));
            return encryptTree(new Tree(branches, metadata), dataKey, new ValueCipher(dataKey, ivSource()), outputStore);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * A new file of {@code documents} that is not written yet, as {@code sops edit} starts one: a
     * fresh data key already wrapped by every key of {@code options}, ready for {@link #reencrypt}.
     *
     * @param documents the plaintext documents
     * @param format the format the file will be written in
     * @param options the keys and rules to encrypt with
     * @return the new file; close it to wipe its data key
     */
    public DecryptedFile newFile(List<TreeBranch> documents, Format format, EncryptionOptions options) {
        Metadata metadata = newMetadata(options, format == Format.BINARY);
        byte[] dataKey = newDataKey();
        try {
            metadata = metadata.withKeyGroups(DataKeys.wrap(dataKey, options.keyGroups(), metadata.shamirThreshold(), environment));
        } catch (SopsException e) {
            throw new DataKeyException(e.getMessage());
        }
        return new DecryptedFile(new Tree(documents, metadata), format, null, dataKey, new ValueCipher(dataKey, ivSource()),
                storeOptions);
    }

    private static Metadata newMetadata(EncryptionOptions options, boolean binary) {
        EncryptionRules rules = options.rules().requireValidRegexes();
        if (rules.count() > 1) {
            throw new SopsException(ExitCode.CONFLICTING_PARAMETERS, "Error: cannot use more than one of "
                    + "encrypted_suffix, unencrypted_suffix, encrypted_regex, unencrypted_regex, "
                    + "encrypted_comment_regex and unencrypted_comment_regex");
        }
        if (binary) {
            rules = EncryptionRules.none();
        } else if (rules.isEmpty()) {
            rules = EncryptionRules.defaults();
        }
        int threshold = options.shamirThreshold();
        if (threshold == 0 && options.keyGroups().size() > 1) {
            threshold = options.keyGroups().size();
        }
        return new Metadata(options.keyGroups(), threshold, rules, options.macOnlyEncrypted(), "", "", Metadata.SOPS_VERSION);
    }

    /**
     * Encrypts documents with an existing metadata and data key: the step shared by {@code encrypt},
     * {@code edit}, {@code set} and {@code rotate}. The tree's documents are encrypted in place.
     */
    byte[] encryptTree(Tree tree, byte[] dataKey, ValueCipher cipher, Store outputStore) {
        Metadata metadata = tree.metadata();
        TreeCipher treeCipher = new TreeCipher(cipher, metadata.rules(), metadata.macOnlyEncrypted());
        String mac = treeCipher.encrypt(tree.branches());
        String lastModified = GoFormat.formatTimeSeconds(
                OffsetDateTime.now(clock != null ? clock : Clock.systemUTC()).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        String encryptedMac = treeCipher.encryptMac(mac, lastModified);
        Metadata sealed = metadata.withMac(lastModified, encryptedMac);
        try {
            return outputStore.emitEncrypted(tree.branches(), codec.toBranch(sealed));
        } catch (SopsException e) {
            if (e.exitCode() == ExitCode.ERROR_DUMPING_TREE) {
                throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Could not marshal tree: " + e.getMessage(), e.file(),
                        e.keyPath(), e);
            }
            throw e;
        } catch (RuntimeException e) {
            throw new SopsException(ExitCode.ERROR_DUMPING_TREE, "Could not marshal tree: " + e.getMessage(), e);
        }
    }

    /**
     * Re-encrypts a decrypted file (changed or not) with its own data key, keeping unchanged ciphertexts.
     *
     * @param file the decrypted file
     * @param output the format to write
     * @return the encrypted file's content
     */
    public byte[] reencrypt(DecryptedFile file, Format output) {
        return DeepStack.call(() -> reencryptTree(file, output));
    }

    private byte[] reencryptTree(DecryptedFile file, Format output) {
        Tree copy = file.tree().deepCopy();
        try {
            return encryptTree(copy, file.dataKey(), file.cipher(), Stores.of(output, storeOptions));
        } catch (SopsException e) {
            throw e.inFile(file.file());
        }
    }

    // ---------------------------------------------------------------- editing

    /**
     * The text {@code sops edit} opens in an editor: the plaintext documents of {@code file} in
     * {@code format}, followed by its metadata when {@code withMetadata} ({@code --show-master-keys}).
     *
     * @param file the decrypted file
     * @param format the format of the text
     * @param withMetadata whether the metadata follows the documents
     * @return the text {@code sops edit} opens in an editor
     */
    public byte[] editableText(DecryptedFile file, Format format, boolean withMetadata) {
        return DeepStack.call(() -> emitEditable(file, format, withMetadata));
    }

    private byte[] emitEditable(DecryptedFile file, Format format, boolean withMetadata) {
        Store store = Stores.of(format, storeOptions);
        try {
            return withMetadata
                    ? store.emitEncrypted(file.documents(), codec.toBranch(file.metadata()))
                    : store.emitPlain(file.documents());
        } catch (SopsException e) {
            throw e.inFile(file.file());
        }
    }

    /**
     * Reads back text made by {@link #editableText} and changed by a user: the edited documents
     * under the file's metadata (or under the edited metadata when {@code withMetadata}), with the
     * file's data key, ready for {@link #reencrypt}. The result shares the data key of {@code file}.
     *
     * @param file the decrypted file the text was made from
     * @param edited the text after editing
     * @param format the format of the text
     * @param withMetadata whether the text holds the metadata, as {@link #editableText} wrote it
     * @return the edited file, not yet encrypted
     * @throws SopsException (exit code {@link ExitCode#COULD_NOT_READ_INPUT_FILE}) when the text does
     *         not parse, has no document, has a top-level {@code sops} key without {@code withMetadata},
     *         or leaves no master key
     */
    public DecryptedFile applyEdit(DecryptedFile file, byte[] edited, Format format, boolean withMetadata) {
        return DeepStack.call(() -> loadEdited(file, edited, format, withMetadata));
    }

    private DecryptedFile loadEdited(DecryptedFile file, byte[] edited, Format format, boolean withMetadata) {
        Store store = Stores.of(format, storeOptions);
        List<TreeBranch> branches;
        Metadata metadata = file.metadata();
        if (withMetadata) {
            EncryptedDocument document = store.loadEncrypted(edited);
            branches = document.branches();
            metadata = codec.fromBranch(document.metadata());
        } else {
            branches = store.loadPlain(edited);
            for (TreeBranch branch : branches) {
                if (store.hasSopsTopLevelKey(branch)) {
                    throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE,
                            "the edited file has a top-level sops key; use --show-master-keys to edit metadata");
                }
            }
        }
        if (branches.isEmpty()) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "the edited file has no document");
        }
        if (metadata.keyGroups().stream().allMatch(group -> group.keys().isEmpty())) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "No master keys were provided, so sops can't encrypt the file");
        }
        return file.withTree(new Tree(branches, metadata));
    }

    // ---------------------------------------------------------------- key changes

    /**
     * Rotates a file whose format follows from its name; see {@link #rotate(byte[], Format)}.
     *
     * @param file the encrypted file
     * @return the rotated file's content
     */
    public byte[] rotate(Path file) {
        return rotate(read(file), Format.fromPath(file), file);
    }

    /**
     * {@code sops rotate}: decrypts (verifying the MAC), draws a new data key, wraps it for the
     * file's own key groups and re-encrypts every value and the MAC. The stored version is kept.
     *
     * @param input the encrypted file's content
     * @param format the format to read and write it as
     * @return the rotated file's content
     */
    public byte[] rotate(byte[] input, Format format) {
        return rotate(input, format, null);
    }

    private byte[] rotate(byte[] input, Format format, Path file) {
        try (DecryptedFile decrypted = decrypt(input, format, file)) {
            return rotate(decrypted, format, decrypted.metadata().keyGroups());
        }
    }

    /**
     * Re-encrypts a decrypted file under a new data key wrapped by {@code keyGroups} (the file's
     * own groups to only change the data key), keeping its threshold, rules and version. Values
     * keep their IVs, as upstream's rotate does.
     *
     * @param file the decrypted file
     * @param output the format to write
     * @param keyGroups the groups that wrap the new data key
     * @return the encrypted file's content
     */
    public byte[] rotate(DecryptedFile file, Format output, List<KeyGroup> keyGroups) {
        return DeepStack.call(() -> rotateTree(file, output, keyGroups));
    }

    private byte[] rotateTree(DecryptedFile file, Format output, List<KeyGroup> keyGroups) {
        Metadata metadata = file.metadata();
        byte[] dataKey = newDataKey();
        try {
            List<KeyGroup> wrapped = DataKeys.wrap(dataKey, keyGroups, metadata.shamirThreshold(), environment);
            Tree copy = new Tree(file.tree().deepCopy().branches(), metadata.withKeyGroups(wrapped));
            return encryptTree(copy, dataKey, file.cipher().withDataKey(dataKey), Stores.of(output, storeOptions));
        } catch (SopsException e) {
            throw e.inFile(file.file());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * {@code sops updatekeys}: re-wraps the file's existing data key for {@code keyGroups} (as a
     * {@code .sops.yaml} creation rule gives them). Values, MAC, {@code lastmodified} and version stay
     * as they are; nothing is decrypted but the data key.
     *
     * @param input the encrypted file's content
     * @param format the format to read and write it as
     * @param keyGroups the groups that wrap the data key from now on
     * @param shamirThreshold the rule's threshold, 0 to keep the file's; capped at the number of groups
     * @return the updated file, or empty when the file already has exactly these keys and threshold
     */
    public Optional<byte[]> updateKeys(byte[] input, Format format, List<KeyGroup> keyGroups, int shamirThreshold) {
        return DeepStack.call(() -> updateKeysOf(input, format, keyGroups, shamirThreshold));
    }

    private Optional<byte[]> updateKeysOf(byte[] input, Format format, List<KeyGroup> keyGroups, int shamirThreshold) {
        Store store = Stores.of(format, storeOptions);
        EncryptedDocument document = store.loadEncrypted(input);
        Metadata metadata = codec.fromBranch(document.metadata());
        int threshold = Math.min(shamirThreshold != 0 ? shamirThreshold : metadata.shamirThreshold(), keyGroups.size());
        if (sameKeys(metadata.keyGroups(), keyGroups) && threshold == metadata.shamirThreshold()) {
            return Optional.empty();
        }
        byte[] dataKey = DataKeys.recover(metadata, environment, decryptionOrder);
        try {
            List<KeyGroup> wrapped = DataKeys.wrap(dataKey, keyGroups, threshold, environment);
            Metadata updated = metadata.withKeyGroups(wrapped).withShamirThreshold(threshold);
            return Optional.of(store.emitEncrypted(document.branches(), codec.toBranch(updated)));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** Whether both have the same keys (type and id) group by group, in any order within a group. */
    private static boolean sameKeys(List<KeyGroup> stored, List<KeyGroup> wanted) {
        if (stored.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            if (!keyIds(stored.get(i)).equals(keyIds(wanted.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> keyIds(KeyGroup group) {
        Set<String> ids = new HashSet<>();
        for (MasterKey key : group.keys()) {
            ids.add(key.type() + ":" + key.id());
        }
        return ids;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SopsException(ExitCode.NO_FILE_SPECIFIED, "cannot operate on non-existent file", file, null, e);
        } catch (AccessDeniedException e) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Error reading file: permission denied", file, null, e);
        } catch (IOException e) {
            throw new SopsException(ExitCode.COULD_NOT_READ_INPUT_FILE, "Error reading file: " + e.getMessage(), file, null, e);
        }
    }

    /** Configuration of a {@link Sops} instance. */
    public static final class Builder {

        private KeyEnvironment environment = KeyEnvironment.system();
        private DecryptionOrder decryptionOrder;
        private KeySources keySources;
        private StoreOptions storeOptions = StoreOptions.DEFAULTS;
        private boolean ignoreMac;
        private Consumer<String> warnings;
        private Supplier<IvSource> ivSources;
        private Clock clock;
        private Supplier<byte[]> dataKeys;

        private Builder() {
        }

        /**
         * Where key sources find credentials; the process environment by default.
         *
         * @param environment the variables and home directory keys are found with
         * @return this builder
         */
        public Builder environment(KeyEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The key types tried first within a key group, as {@code --decryption-order} takes them:
         * types separated by commas, such as {@code pgp,age}; an empty text means {@code age,pgp}.
         * By default ({@code null}) {@code SOPS_DECRYPTION_ORDER} of the {@link #environment}, else {@code age,pgp}.
         *
         * @param order key types separated by commas, or {@code null}
         * @return this builder
         * @throws SopsException (exit code {@link ExitCode#DUPLICATE_DECRYPTION_KEY_TYPE}) when a type is named twice
         */
        public Builder decryptionOrder(String order) {
            this.decryptionOrder = order == null ? null : DecryptionOrder.parse(order);
            return this;
        }

        /**
         * The key types known to this instance; those on the class path by default.
         *
         * @param keySources the key sources
         * @return this builder
         */
        public Builder keySources(KeySources keySources) {
            this.keySources = Objects.requireNonNull(keySources, "keySources");
            return this;
        }

        /**
         * How files are indented when written; sops's defaults unless a {@code .sops.yaml} says otherwise.
         *
         * @param storeOptions the indentation of each format
         * @return this builder
         */
        public Builder storeOptions(StoreOptions storeOptions) {
            this.storeOptions = Objects.requireNonNull(storeOptions, "storeOptions");
            return this;
        }

        /**
         * Decrypts even when the MAC does not match, as {@code --ignore-mac}: the mismatch is then
         * reported to {@link #warnings} instead of failing, and tampering is no longer stopped.
         *
         * @param ignoreMac whether a MAC mismatch is only a warning
         * @return this builder
         */
        public Builder ignoreMac(boolean ignoreMac) {
            this.ignoreMac = ignoreMac;
            return this;
        }

        /**
         * Where problems that do not stop the operation are reported (one line each, never a secret
         * value); by default a {@link System.Logger} named {@code io.sops4j} at {@code WARNING}.
         *
         * @param warnings where the warnings go
         * @return this builder
         */
        public Builder warnings(Consumer<String> warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /** Deterministic encryption for reproducing reference files; never for real secrets. */
        Builder ivSources(Supplier<IvSource> ivSources) {
            this.ivSources = ivSources;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        Builder dataKeys(Supplier<byte[]> dataKeys) {
            this.dataKeys = dataKeys;
            return this;
        }

        /**
         * A {@link Sops} with this configuration.
         *
         * @return a {@link Sops} with this configuration
         */
        public Sops build() {
            return new Sops(this);
        }
    }
}
