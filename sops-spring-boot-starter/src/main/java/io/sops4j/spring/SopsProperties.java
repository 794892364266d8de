package io.sops4j.spring;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys for {@code spring.config.import=sops:...} are found. These properties name files and
 * directories only: key material itself never goes in a property.
 */
@ConfigurationProperties(prefix = KeySettings.PREFIX)
public class SopsProperties {

    private final Age age = new Age();
    private final Pgp pgp = new Pgp();

    /**
     * Key services that decrypt SOPS imports after (or instead of) the application's own keys, as
     * sops's --keyservice: tcp://host:port or unix:///path URIs. Needs io.sops4j:sops-keyservice.
     */
    private List<String> keyServices = new ArrayList<>();

    /** Whether the application's own keys decrypt SOPS imports, as sops's --enable-local-keyservice. */
    private boolean enableLocalKeyService = true;

    public List<String> getKeyServices() {
        return keyServices;
    }

    public void setKeyServices(List<String> keyServices) {
        this.keyServices = keyServices;
    }

    public boolean isEnableLocalKeyService() {
        return enableLocalKeyService;
    }

    public void setEnableLocalKeyService(boolean enableLocalKeyService) {
        this.enableLocalKeyService = enableLocalKeyService;
    }

    public Age getAge() {
        return age;
    }

    public Pgp getPgp() {
        return pgp;
    }

    /** age keys. */
    public static class Age {

        /**
         * Path of an age identity file used to decrypt SOPS imports. Overrides the SOPS_AGE_KEY_FILE
         * environment variable.
         */
        private String keyFile;

        public String getKeyFile() {
            return keyFile;
        }

        public void setKeyFile(String keyFile) {
            this.keyFile = keyFile;
        }
    }

    /** PGP keys. */
    public static class Pgp {

        /**
         * GnuPG home directory holding the PGP secret keys used to decrypt SOPS imports. Overrides the
         * GNUPGHOME environment variable.
         */
        private String gnupgHome;

        public String getGnupgHome() {
            return gnupgHome;
        }

        public void setGnupgHome(String gnupgHome) {
            this.gnupgHome = gnupgHome;
        }
    }
}
