package io.sops4j.cli;

import io.sops4j.TreePath;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;

/** Reads the index of {@code sops set} and {@code sops unset} the way upstream does. */
final class SetValues {

    private SetValues() {
    }

    static TreePath path(String index) {
        try {
            TreePath path = TreePath.parse(index);
            if (path.components().isEmpty()) {
                throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid --set index: the path is empty");
            }
            return path;
        } catch (SopsException e) {
            if (e.exitCode() == ExitCode.INVALID_SET_FORMAT) {
                throw e;
            }
            throw new SopsException(ExitCode.INVALID_SET_FORMAT, "Invalid --set index: " + e.getMessage(), e);
        }
    }
}
