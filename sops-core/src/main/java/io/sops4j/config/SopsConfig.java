package io.sops4j.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.StoreOptions;
import io.sops4j.internal.limits.DeepStack;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A {@code .sops.yaml} file: creation rules that choose keys and encryption rules for new files,
 * and store options. Decryption never consults it.
 */
public final class SopsConfig {

    /** The name sops looks for: {@code .sops.yaml}. */
    public static final String FILE_NAME = ".sops.yaml";
    private static final int MAX_DEPTH = 100;

    private final Path file;
    private final List<Map<String, Object>> creationRules;
    private final StoreOptions storeOptions;

    private SopsConfig(Path file, List<Map<String, Object>> creationRules, StoreOptions storeOptions) {
        this.file = file;
        this.creationRules = creationRules;
        this.storeOptions = storeOptions;
    }

    /**
     * The configuration file that applies: {@code explicit} (the {@code --config} flag), else
     * {@code SOPS_CONFIG}, else the first {@code .sops.yaml} from {@code workingDirectory} upwards.
     *
     * @param explicit the {@code --config} file, or {@code null}
     * @param workingDirectory where the search for {@code .sops.yaml} starts
     * @param environment where {@code SOPS_CONFIG} is read
     * @return the configuration file, or empty when there is none
     */
    public static Optional<Path> locate(Path explicit, Path workingDirectory, KeyEnvironment environment) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Optional<String> fromEnvironment = environment.get("SOPS_CONFIG");
        if (fromEnvironment.isPresent()) {
            return Optional.of(Path.of(fromEnvironment.get()));
        }
        Path directory = workingDirectory.toAbsolutePath().normalize();
        for (int depth = 0; directory != null && depth < MAX_DEPTH; depth++) {
            Path candidate = directory.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            directory = directory.getParent();
        }
        return Optional.empty();
    }

    /**
     * Reads a {@code .sops.yaml}; fails with exit code {@code ERROR_READING_CONFIG} when it is not valid.
     *
     * @param file the {@code .sops.yaml} file
     * @return the configuration
     */
    public static SopsConfig load(Path file) {
        try {
            return parse(Files.readString(file), file.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new SopsException(ExitCode.GENERIC, "Error loading config file: " + e.getMessage(), file, null, e);
        }
    }

    static SopsConfig parse(String text, Path file) {
        Object document;
        try {
            document = DeepStack.call(() -> {
                LoadSettings settings = LoadSettings.builder().setLabel(String.valueOf(file)).build();
                ConfigNesting.check(text, settings);
                return new Load(settings).loadFromString(text);
            });
        } catch (YamlEngineException e) {
            throw new SopsException(ExitCode.GENERIC, "Error unmarshalling config file: " + e.getMessage(), file, null, e);
        }
        Map<String, Object> root = document == null ? Map.of() : ConfigValues.map(document, "config");
        List<Map<String, Object>> rules = ConfigValues.listOfMaps(root.get("creation_rules"), "creation_rules");
        return new SopsConfig(file, rules, StoreSettings.from(root.get("stores")));
    }

    /**
     * The file this configuration was read from.
     *
     * @return the file this configuration was read from
     */
    public Path file() {
        return file;
    }

    /**
     * Whether the file has any {@code creation_rules}.
     *
     * @return whether the file has any {@code creation_rules}
     */
    public boolean hasCreationRules() {
        return !creationRules.isEmpty();
    }

    /**
     * The indentation the file's {@code stores} section sets.
     *
     * @return the indentation the file's {@code stores} section sets
     */
    public StoreOptions storeOptions() {
        return storeOptions;
    }

    /**
     * The first creation rule whose {@code path_regex} matches {@code target} (its path relative to
     * the configuration's directory when inside it), with its keys built by the installed sources.
     *
     * @param target the file to create or encrypt
     * @param sources the key sources that build the rule's keys
     * @return the matching rule
     */
    public CreationRule ruleFor(Path target, KeySources sources) {
        String path = relativePath(target);
        for (Map<String, Object> rule : creationRules) {
            String regex = ConfigValues.string(rule.get("path_regex"), "path_regex");
            if (regex.isEmpty() || compile(regex).matcher(path).find()) {
                try {
                    return RuleReader.read(rule, regex, sources);
                } catch (SopsException e) {
                    throw e.inFile(file);
                }
            }
        }
        throw new SopsException(ExitCode.GENERIC, "error loading config: no matching creation rules found", file, null, null);
    }

    /**
     * Whether a creation rule with a non-empty {@code path_regex} matches {@code target}: the file is
     * one this configuration means to be encrypted. Rules without a regex (catch-alls) do not count.
     *
     * @param target the file to check
     * @return whether a creation rule with a non-empty {@code path_regex} matches {@code target}
     */
    public boolean hasPathRuleFor(Path target) {
        String path = relativePath(target);
        for (Map<String, Object> rule : creationRules) {
            String regex = ConfigValues.string(rule.get("path_regex"), "path_regex");
            if (!regex.isEmpty() && compile(regex).matcher(path).find()) {
                return true;
            }
        }
        return false;
    }

    private Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new SopsException(ExitCode.GENERIC, "can not compile regexp: " + e.getMessage(), file, null, e);
        }
    }

    private String relativePath(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path directory = file.getParent();
        String text = absolute.toString();
        String prefix = directory == null ? "" : directory + absolute.getFileSystem().getSeparator();
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
