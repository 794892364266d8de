package io.sops4j;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.internal.format.Stores;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the JSON value of {@code sops set} the way upstream does. */
final class JsonValues {

    private static final String WRAPPER_KEY = "sops4j-set-value";

    private JsonValues() {
    }

    /**
     * A JSON object becomes a mapping read by the JSON store (integers stay integers); any other
     * JSON value is read as Go's {@code encoding/json} does, so numbers become floats; arrays are refused.
     */
    static Object parse(String json) {
        String text = json.strip();
        if (text.startsWith("[")) {
            throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid --set value format: arrays are not supported");
        }
        try {
            if (text.startsWith("{")) {
                List<TreeBranch> branches = Stores.of(Format.JSON).loadPlain(json.getBytes(StandardCharsets.UTF_8));
                return branches.isEmpty() ? new TreeBranch() : branches.get(0);
            }
            String wrapped = "{\"" + WRAPPER_KEY + "\": " + text + "}";
            List<TreeBranch> branches = Stores.of(Format.JSON).loadPlain(wrapped.getBytes(StandardCharsets.UTF_8));
            List<TreeItem> items = branches.isEmpty() ? List.of() : branches.get(0).items();
            if (text.isEmpty() || items.size() != 1 || !WRAPPER_KEY.equals(items.get(0).key())) {
                throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid --set value format: not a single JSON value");
            }
            Object value = items.get(0).value();
            if (value instanceof Long l) {
                return l.doubleValue();
            }
            if (value instanceof TreeBranch || value instanceof List<?>) {
                throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid --set value format: not a single JSON value");
            }
            return value;
        } catch (SopsException e) {
            if (e.exitCode() == ExitCode.INVALID_SET_FORMAT) {
                throw e;
            }
            throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid --set value format: " + e.getMessage(), e);
        }
    }
}
