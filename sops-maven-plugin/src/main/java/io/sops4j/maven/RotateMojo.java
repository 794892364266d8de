package io.sops4j.maven;

import io.sops4j.Sops;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Rotates the data key of the SOPS files of {@code sourceDirectory} in place, as {@code sops rotate}:
 * each file is decrypted (its MAC verified), gets a new data key wrapped for its own master keys,
 * and every value and the MAC are encrypted again.
 */
@Mojo(name = "rotate", threadSafe = true)
public class RotateMojo extends AbstractSopsMojo {

    @Override
    String goal() {
        return "rotate";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<Path> files = selectFiles();
        if (files.isEmpty()) {
            return;
        }
        Sops sops = sops(config());
        for (Path relative : files) {
            Path file = sourceDirectory.toPath().resolve(relative);
            try {
                byte[] rotated = sops.rotate(read(file), Format.fromPath(file));
                reportWrite(SecureFiles.replace(file, rotated));
                getLog().info("Rotated the data key of " + display(file));
            } catch (SopsException e) {
                throw failure(e.inFile(file));
            } catch (IOException e) {
                throw ioFailure(file, e);
            }
        }
        getLog().info("sops:rotate: " + files.size() + " file(s) rotated");
    }
}
