package io.sops4j;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.internal.go.GoFormat;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Upstream's {@code exec-env} rules: comments skipped, nested values and keys with {@code =} refused, scalars as text. */
final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    static Map<String, String> of(TreeBranch document) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (TreeItem item : document) {
            if (!(item.key() instanceof String key)) {
                continue;
            }
            if (item.value() instanceof TreeBranch || item.value() instanceof List<?>) {
                throw new SopsException(ExitCode.GENERIC, "cannot use complex value as environment variable: key '" + key
                        + "' holds a mapping or a list");
            }
            if (key.contains("=")) {
                throw new SopsException(ExitCode.GENERIC, "cannot use key with '=' in it as environment variable: '" + key + "'");
            }
            variables.put(key, item.value() instanceof String s ? s : GoFormat.valToString(item.value()));
        }
        return variables;
    }
}
