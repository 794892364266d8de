package io.sops4j.kms;

import io.sops4j.testing.Conformance;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Key entries as upstream sops 3.13.2 wrote them in the shared vectors. */
public final class MetadataShape {

    private MetadataShape() {
    }

    /** The first {@code kms} entry of {@code vec_k8s.yaml}, as a tree (skips when the data is absent). */
    public static TreeBranch upstreamKmsEntry() {
        String yaml = Conformance.readString(Conformance.vectors().resolve("vec_k8s.yaml"));
        Map<?, ?> document = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        Map<?, ?> sops = (Map<?, ?>) document.get("sops");
        return branch((Map<?, ?>) ((List<?>) sops.get("kms")).get(0));
    }

    private static TreeBranch branch(Map<?, ?> map) {
        TreeBranch branch = new TreeBranch();
        map.forEach((key, value) -> branch.add(key.toString(), value instanceof Map<?, ?> nested ? branch(nested) : value));
        return branch;
    }

    public static List<String> keys(TreeBranch branch) {
        List<String> keys = new ArrayList<>();
        for (TreeItem item : branch) {
            keys.add((String) item.key());
        }
        return keys;
    }
}
