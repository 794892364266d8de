package io.sops4j.format;

/**
 * Output layout of the stores, as {@code .sops.yaml} {@code stores:} and {@code --indent} set it.
 *
 * @param yamlIndent       spaces per YAML level; 0 means 4
 * @param jsonIndent       -1 for a tab, 0 for none, N for N spaces
 * @param jsonBinaryIndent the same for the JSON envelope of binary files
 */
public record StoreOptions(int yamlIndent, int jsonIndent, int jsonBinaryIndent) {

    /** sops's own indentation for every format: nothing set in a {@code .sops.yaml}. */
    public static final StoreOptions DEFAULTS = new StoreOptions(0, -1, -1);

    /**
     * These options with {@code indent} for every format.
     *
     * @param indent the number of spaces per level
     * @return these options with {@code indent} for every format
     */
    public StoreOptions withIndent(int indent) {
        return new StoreOptions(indent, indent, indent);
    }
}
