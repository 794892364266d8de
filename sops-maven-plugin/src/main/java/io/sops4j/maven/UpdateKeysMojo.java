package io.sops4j.maven;

import io.sops4j.Sops;
import io.sops4j.config.CreationRule;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeySources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Gives the SOPS files of {@code sourceDirectory} the key groups of their {@code .sops.yaml}
 * creation rule, as {@code sops updatekeys -y}: the existing data key is decrypted and wrapped for
 * the rule's keys. Values, MAC and {@code lastmodified} are left as they are; files whose keys
 * already match are not rewritten.
 */
@Mojo(name = "updatekeys", threadSafe = true)
public class UpdateKeysMojo extends AbstractSopsMojo {

    @Override
    String goal() {
        return "updatekeys";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<Path> files = selectFiles();
        if (files.isEmpty()) {
            return;
        }
        Optional<SopsConfig> config = config();
        SopsConfig sopsConfig = config.filter(SopsConfig::hasCreationRules).orElseThrow(() -> failure(new SopsException(
                ExitCode.GENERIC, "updatekeys needs a .sops.yaml with creation rules, and none was found")));
        Sops sops = sops(config);
        int updated = 0;
        for (Path relative : files) {
            Path file = sourceDirectory.toPath().resolve(relative);
            try {
                CreationRule rule = sopsConfig.ruleFor(file, KeySources.installed());
                Optional<byte[]> result = sops.updateKeys(read(file), Format.fromPath(file), rule.keyGroups(), rule.shamirThreshold());
                if (result.isEmpty()) {
                    getLog().info("Keys of " + display(file) + " already up to date");
                    continue;
                }
                reportWrite(SecureFiles.replace(file, result.get()));
                getLog().info("Updated the keys of " + display(file));
                updated++;
            } catch (SopsException e) {
                throw failure(e.inFile(file));
            } catch (IOException e) {
                throw ioFailure(file, e);
            }
        }
        getLog().info("sops:updatekeys: " + updated + " of " + files.size() + " file(s) updated");
    }
}
