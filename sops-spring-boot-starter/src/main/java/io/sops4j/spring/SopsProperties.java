package io.sops4j.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys for {@code spring.config.import=sops:...} are found. These properties name files and
 * directories only: key material itself never goes in a property.
 */
@ConfigurationProperties(prefix = KeySettings.PREFIX)
public class SopsProperties {

    private final Age age = new Age();
    private final Pgp pgp = new Pgp();

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
