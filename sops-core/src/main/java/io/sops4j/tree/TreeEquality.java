package io.sops4j.tree;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

final class TreeEquality {

    private TreeEquality() {
    }

    static boolean equal(List<TreeItem> a, List<TreeItem> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            TreeItem x = a.get(i);
            TreeItem y = b.get(i);
            if (!Objects.equals(x.key(), y.key()) || !valueEqual(x.value(), y.value())) {
                return false;
            }
        }
        return true;
    }

    static boolean valueEqual(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!valueEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
