package io.sops4j.spring;

import io.sops4j.DecryptedFile;
import io.sops4j.Sops;
import io.sops4j.error.SopsException;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.PropertySource;

/**
 * Decrypts a SOPS file once, at startup, into one {@link SopsPropertySource} per document. A
 * missing file is reported to Boot as not found (so {@code optional:} skips it); a file that
 * exists but cannot be decrypted always stops the application.
 */
class SopsConfigDataLoader implements ConfigDataLoader<SopsConfigDataResource> {

    private final Log log;

    SopsConfigDataLoader(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(SopsConfigDataLoader.class);
    }

    @Override
    public ConfigData load(ConfigDataLoaderContext context, SopsConfigDataResource resource) {
        long start = System.nanoTime();
        byte[] encrypted = read(resource);
        DecryptedFile file;
        try {
            file = Sops.builder().environment(resource.keys()).build().decrypt(encrypted, resource.format());
        } catch (SopsException e) {
            throw SopsConfigDataException.decryptionFailed(resource, e);
        }
        file.close();
        List<TreeBranch> documents = file.documents();
        List<PropertySource<?>> sources = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < documents.size(); i++) {
            Map<String, Object> properties = PropertyFlattener.flatten(documents.get(i));
            count += properties.size();
            String name = documents.size() == 1 ? resource.toString() : resource + " (document #" + i + ")";
            sources.add(new SopsPropertySource(name, resource.path(), properties));
        }
        if (log.isDebugEnabled()) {
            log.debug("Decrypted SOPS file '" + resource.path() + "' (" + resource.format().cliName() + ", "
                    + count + " properties) in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return resource.profile() != null
                ? new ConfigData(sources, ConfigData.Option.PROFILE_SPECIFIC)
                : new ConfigData(sources);
    }

    private static byte[] read(SopsConfigDataResource resource) {
        if (!resource.resource().exists()) {
            throw new ConfigDataResourceNotFoundException(resource);
        }
        try (InputStream input = resource.resource().getInputStream()) {
            return input.readAllBytes();
        } catch (IOException e) {
            throw SopsConfigDataException.unreadable(resource, e);
        }
    }
}
