package io.sops4j.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.keys.pgp.PgpKeys;
import io.sops4j.kms.aws.AwsKms;
import io.sops4j.kms.aws.AwsStandIn;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every documented way of giving the application its key, each a start of the packaged jar in a
 * process of its own with its own environment: the application starts and binds the values of its
 * secrets file, and the negative twins stop it with the failure analysis and no secret in the output.
 */
@Execution(ExecutionMode.CONCURRENT)
class KeyMatrixIT {

    private static final String KMS_ARN = "arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000";
    private static final String AWS_ACCESS_KEY = "AKIAORDERSMATRIX";
    private static final AtomicInteger PORTS = new AtomicInteger(6000);

    @TempDir
    static Path dir;
    static AgeKeys.KeyPair age;
    static Path ageKeyFile;
    static Path sshKey;
    static String sshRecipient;
    static Path gnupgHome;
    static String pgpFingerprint;
    static Path noGpgBin;
    static AwsStandIn aws;

    @BeforeAll
    static void keys() throws Exception {
        age = TestSecrets.ageKey(dir, "age.txt");
        ageKeyFile = dir.resolve("age.txt");
        sshKey = dir.resolve("id_ed25519");
        run(null, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "orders", "-f", sshKey.toString());
        sshRecipient = Files.readString(dir.resolve("id_ed25519.pub")).strip();
        gnupgHome = Files.createDirectory(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupgHome, PosixFilePermissions.fromString("rwx------"));
        run(gnupgHome, "gpg", "--batch", "--homedir", gnupgHome.toString(), "--pinentry-mode", "loopback",
                "--passphrase", "", "--quick-gen-key", "orders <orders@test>", "default", "default", "never");
        Matcher fingerprint = Pattern.compile("(?m)^fpr:+([0-9A-F]{40}):").matcher(
                run(gnupgHome, "gpg", "--batch", "--homedir", gnupgHome.toString(), "--with-colons", "--list-keys"));
        assertThat(fingerprint.find()).isTrue();
        pgpFingerprint = fingerprint.group(1);
        noGpgBin = Files.createDirectory(dir.resolve("bin-without-gpg"));
        aws = new AwsStandIn(Set.of(KMS_ARN), Set.of(AWS_ACCESS_KEY));
    }

    @AfterAll
    static void stop() throws Exception {
        if (aws != null) {
            aws.close();
        }
        if (gnupgHome != null) {
            new ProcessBuilder("gpgconf", "--homedir", gnupgHome.toString(), "--kill", "gpg-agent")
                    .redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void sopsAgeKeyVariable() {
        Case c = new Case("SOPS_AGE_KEY");
        c.env.put("SOPS_AGE_KEY", age.identity());
        c.startsAndBinds();
    }

    @Test
    void sopsAgeKeyFileVariable() {
        Case c = new Case("SOPS_AGE_KEY_FILE");
        c.env.put("SOPS_AGE_KEY_FILE", ageKeyFile.toString());
        c.startsAndBinds();
    }

    @Test
    void sopsAgeKeyCmdVariable() {
        Case c = new Case("SOPS_AGE_KEY_CMD");
        c.env.put("SOPS_AGE_KEY_CMD", "cat " + ageKeyFile);
        c.startsAndBinds();
    }

    @Test
    void keyFilePropertyInApplicationYaml() {
        Case c = new Case("sops.age.key-file in application.yaml");
        TestSecrets.write(c.dir.resolve("config/application.yaml"), "sops:\n  age:\n    key-file: " + ageKeyFile + "\n");
        c.startsAndBinds();
    }

    @Test
    void keyFilePropertyOnTheCommandLine() {
        Case c = new Case("--sops.age.key-file");
        c.args.add("--sops.age.key-file=" + ageKeyFile);
        c.startsAndBinds();
    }

    @Test
    void keyFilePropertyThroughItsEnvironmentVariable() {
        Case c = new Case("SOPS_AGE_KEYFILE");
        c.env.put("SOPS_AGE_KEYFILE", ageKeyFile.toString());
        c.startsAndBinds();
    }

    @Test
    void keysTxtUnderHome() {
        Case c = new Case("HOME");
        TestSecrets.write(c.home.resolve(".config/sops/age/keys.txt"), age.identity() + "\n");
        c.startsAndBinds();
    }

    @Test
    void keysTxtUnderXdgConfigHome() {
        Case c = new Case("XDG_CONFIG_HOME");
        Path config = c.dir.resolve("xdg");
        TestSecrets.write(config.resolve("sops/age/keys.txt"), age.identity() + "\n");
        c.env.put("XDG_CONFIG_HOME", config.toString());
        c.startsAndBinds();
    }

    @Test
    void sshKeyFile() {
        Case c = new Case("SOPS_AGE_SSH_PRIVATE_KEY_FILE", AgeKeys.recipient(sshRecipient));
        c.env.put("SOPS_AGE_SSH_PRIVATE_KEY_FILE", sshKey.toString());
        c.startsAndBinds();
    }

    @Test
    void gnupgHomeVariableWithGpg() {
        Case c = new Case("GNUPGHOME with gpg", PgpKeys.fingerprint(pgpFingerprint));
        c.env.put("GNUPGHOME", gnupgHome.toString());
        c.startsAndBinds();
    }

    @Test
    void gnupgHomeVariableWithoutGpg() {
        Case c = new Case("GNUPGHOME without gpg", PgpKeys.fingerprint(pgpFingerprint));
        c.env.put("GNUPGHOME", gnupgHome.toString());
        c.env.put("PATH", noGpgBin.toString());
        c.startsAndBinds();
    }

    @Test
    void gnupgHomePropertyWithGpg() {
        Case c = new Case("sops.pgp.gnupg-home with gpg", PgpKeys.fingerprint(pgpFingerprint));
        c.args.add("--sops.pgp.gnupg-home=" + gnupgHome);
        c.startsAndBinds();
    }

    @Test
    void gnupgHomePropertyWithoutGpg() {
        Case c = new Case("sops.pgp.gnupg-home without gpg", PgpKeys.fingerprint(pgpFingerprint));
        c.args.add("--sops.pgp.gnupg-home=" + gnupgHome);
        c.env.put("PATH", noGpgBin.toString());
        c.startsAndBinds();
    }

    @Test
    void awsKmsWithCredentialsFromTheEnvironment() {
        Case c = new Case("AWS KMS", AwsKms.key(KMS_ARN, Map.of("app", "orders"), ""));
        c.env.putAll(Map.of("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", "matrix-secret",
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", aws.endpoint()));
        c.startsAndBinds();
        assertThat(aws.calls).contains("TrentService.Decrypt " + AWS_ACCESS_KEY + " us-east-1");
    }

    @Test
    void noKeyStopsTheApplication() {
        Case c = new Case("no key");
        c.fails("The SOPS file 'file:" + c.secrets + "' could not be decrypted", "point SOPS_AGE_KEY_FILE");
    }

    @Test
    void wrongKeyStopsTheApplication() {
        Case c = new Case("wrong key");
        String other = AgeKeys.generateX25519().identity();
        c.env.put("SOPS_AGE_KEY", other);
        c.fails("The SOPS file 'file:" + c.secrets + "' could not be decrypted", age.recipient());
        assertThat(c.output()).doesNotContain(other.substring(15));
    }

    @Test
    void keyMaterialInApplicationYamlStopsTheApplication() {
        Case c = new Case("key in application.yaml");
        c.env.put("SOPS_AGE_KEY_FILE", ageKeyFile.toString());
        TestSecrets.write(c.dir.resolve("application.yaml"), "sops:\n  age:\n    key: " + age.identity() + "\n");
        c.fails("The property 'sops.age.key' holds secret key material (its value is not shown)");
    }

    @Test
    void keyMaterialInApplicationYamlIsRefusedBesideTheEnvironmentVariable() {
        Case c = new Case("key in application.yaml and SOPS_AGE_KEY");
        c.env.put("SOPS_AGE_KEY", age.identity());
        TestSecrets.write(c.dir.resolve("application.yaml"), "sops:\n  age:\n    key: " + age.identity() + "\n");
        c.fails("The property 'sops.age.key' holds secret key material (its value is not shown)");
    }

    @Test
    void keyMaterialOnTheCommandLineStopsTheApplication() {
        Case c = new Case("key on the command line");
        c.args.add("--sops.age.key-file=" + age.identity());
        c.fails("The property 'sops.age.key-file' holds secret key material (its value is not shown)");
    }

    @Test
    void keyMaterialInASystemPropertyStopsTheApplication() {
        Case c = new Case("key in -D");
        c.env.put("SOPS_AGE_KEY_FILE", ageKeyFile.toString());
        c.jvmArgs.add("-Dsops.age.key=" + age.identity());
        c.fails("The property 'sops.age.key' holds secret key material (its value is not shown)");
    }

    @Test
    void rotatesWithoutRestartAndShowsNoSecret() throws IOException {
        Case c = new Case("rotation");
        c.env.put("SOPS_AGE_KEY", age.identity());
        c.args.add("--logging.level.root=DEBUG");
        String firstCanary = c.password;
        try (PackagedApplication app = c.start()) {
            assertThat(app.started()).as(app.output()).isTrue();
            assertThat(app.get("/status").body()).contains("\"databasePort\":" + c.port, "\"rolloutPercentage\":10.0");
            List<String> bodies = new ArrayList<>();
            for (String path : List.of("/actuator/env", "/actuator/env/database.password", "/actuator/configprops")) {
                HttpResponse<String> response = app.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                bodies.add(response.body());
            }
            assertThat(bodies.get(0)).contains("\"database.password\"", "sops:file:" + c.secrets);

            String secondCanary = canary();
            TestSecrets.encryptToAge(c.secrets, TestSecrets.yaml(c.port + 1000, secondCanary, 20.0), age.recipient());
            HttpResponse<String> refreshed = app.post("/actuator/refresh");
            assertThat(refreshed.statusCode()).as(app.output()).isEqualTo(200);
            assertThat(refreshed.body()).contains("\"database.port\"", "\"database.password\"", "\"features.rollout_percentage\"");
            bodies.add(refreshed.body());
            assertThat(app.get("/status").body()).contains("\"databasePort\":" + (c.port + 1000), "\"rolloutPercentage\":20.0");
            bodies.add(app.get("/actuator/env").body());
            bodies.add(app.get("/actuator/configprops").body());

            String thirdCanary = canary();
            TestSecrets.encryptToAge(c.secrets, TestSecrets.yaml(c.port + 2000, thirdCanary, 30.0),
                    AgeKeys.generateX25519().recipient());
            HttpResponse<String> failed = app.post("/actuator/refresh");
            assertThat(failed.statusCode()).isEqualTo(500);
            bodies.add(failed.body());
            assertThat(app.get("/status").body()).contains("\"databasePort\":" + (c.port + 1000), "\"rolloutPercentage\":20.0");
            assertThat(app.output()).contains("Could not decrypt SOPS file 'file:" + c.secrets + "'");

            for (String text : bodies) {
                assertThat(text).doesNotContain(firstCanary, secondCanary, thirdCanary);
            }
            assertThat(app.output()).contains("DEBUG").doesNotContain(firstCanary, secondCanary, thirdCanary)
                    .doesNotContain(age.identity().substring(15));
        }
    }

    private static String canary() {
        return "canary-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String run(Path gnupgHome, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    /** One start of the application: its directory, environment, arguments and secrets file. */
    private static final class Case {

        final Path dir;
        final Path home;
        final Path secrets;
        final int port = PORTS.incrementAndGet();
        final String password = canary();
        final Map<String, String> env = new HashMap<>();
        final List<String> jvmArgs = new ArrayList<>();
        final List<String> args = new ArrayList<>();
        private PackagedApplication finished;

        Case(String name) {
            this(name, AgeKeys.recipient(age.recipient()));
        }

        Case(String name, MasterKey key) {
            try {
                dir = Files.createDirectories(KeyMatrixIT.dir.resolve("case-" + port));
                home = Files.createDirectories(dir.resolve("home"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("HOME", home.toString());
            Map<String, String> service = new HashMap<>(Map.of("GNUPGHOME", gnupgHome.toString(), "PATH", env.get("PATH")));
            if (aws != null) {
                service.putAll(Map.of("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", "matrix-secret",
                        "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", aws.endpoint()));
            }
            secrets = TestSecrets.encrypt(dir.resolve("secrets.sops.yaml"), TestSecrets.yaml(port, password, 10.0), key,
                    KeyEnvironment.of(service, home));
            args.add("--orders.secrets-file=file:" + secrets);
            assertThat(name).isNotEmpty();
        }

        PackagedApplication start() {
            return PackagedApplication.start(dir, env, jvmArgs, args);
        }

        void startsAndBinds() {
            try (PackagedApplication app = start()) {
                assertThat(app.started()).as("started; output:\n%s", app.output()).isTrue();
                HttpResponse<String> status = app.get("/status");
                assertThat(status.statusCode()).isEqualTo(200);
                assertThat(status.body()).contains("\"databasePort\":" + port, "\"databasePasswordConfigured\":true",
                        "\"allowedOrigins\":1", "\"rolloutPercentage\":10.0");
                finished = app;
            }
            assertThat(output()).doesNotContain(password).doesNotContain(age.identity().substring(15));
        }

        void fails(String... expected) {
            try (PackagedApplication app = start()) {
                finished = app;
                assertThat(app.exitCode()).as(app.output()).isNotZero();
            }
            assertThat(output()).contains("APPLICATION FAILED TO START").contains(expected)
                    .doesNotContain(password).doesNotContain(age.identity().substring(15));
        }

        String output() {
            return finished.output();
        }
    }
}
