package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sops4j.kms.aws.AwsStandIn;
import io.sops4j.kms.hckms.HuaweiCloudKmsStandIn;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user installs it: unpacked with {@code tar}, {@code bin/sops}
 * symlinked into a directory on {@code PATH}, run by name from an unrelated working directory with
 * a home directory of its own (where the start-up archive goes).
 */
class InstalledDistributionIT {

    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path DEMO_KEY = REPO.resolve("testdata/keys/demo-age.txt");
    private static final Path DEMO_ENCRYPTED = REPO.resolve("testdata/demo/app-secrets.sops.yaml");
    private static final Path DEMO_PLAIN = REPO.resolve("testdata/demo/app-secrets.yaml");
    private static final String VERSION = System.getProperty("sops4j.version");

    @TempDir
    Path temp;

    private Path bin;
    private Path home;
    private Path work;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void install() throws Exception {
        Path archive = Path.of(System.getProperty("sops4j.distribution"));
        Path installation = Files.createDirectories(temp.resolve("opt"));
        Result unpacked = exec(installation, List.of("tar", "-xzf", archive.toString()), null);
        assertThat(unpacked.exit()).as(unpacked.err()).isZero();
        bin = Files.createDirectories(temp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("sops"),
                installation.resolve("sops4j-cli-" + VERSION).resolve("bin").resolve("sops"));
        home = Files.createDirectories(temp.resolve("home"));
        work = Files.createDirectories(temp.resolve("work"));
        Files.copy(DEMO_ENCRYPTED, work.resolve("app-secrets.sops.yaml"));
        environment.put("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", home.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("SOPS_AGE_KEY_FILE", DEMO_KEY.toString());
    }

    @Test
    void symlinkedLauncherPrintsTheVersionAndDecryptsFromAnotherDirectory() throws Exception {
        Result version = sops("--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("sops 3.13.2 (sops4j " + VERSION + ")\n");
        assertThat(version.err()).isEmpty();
        assertThat(archives()).hasSize(3).allMatch(name -> name.matches("sops4j-java\\d+-\\d+(-decrypt|-filestatus)?\\.jsa"));

        Path log = temp.resolve("version-classes.log");
        environment.put("SOPS4J_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        for (String flag : List.of("--version", "-V")) {
            Result again = sops(flag);
            assertThat(again).as("answered from what the JVM answered, without starting one").isEqualTo(version);
        }
        assertThat(log).doesNotExist();
        environment.remove("SOPS4J_JAVA_OPTS");

        Result decrypted = sops("decrypt", "app-secrets.sops.yaml");
        assertThat(decrypted.exit()).as(decrypted.err()).isZero();
        assertThat(decrypted.out()).isEqualTo(Files.readString(DEMO_PLAIN));
        assertThat(decrypted.err()).isEmpty();
    }

    /** Another JDK, or the same one reached through another path, gets an archive of its own, silently. */
    @Test
    void eachJdkGetsItsOwnStartUpArchiveWithoutWarnings() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path sameJdkElsewhere = Files.createSymbolicLink(temp.resolve("jdk-link"), javaHome);
        List<Path> jdks = new ArrayList<>(List.of(javaHome, sameJdkElsewhere));
        otherJdk(javaHome).ifPresent(jdks::add);
        jdks.add(javaHome);
        for (Path jdk : jdks) {
            environment.put("JAVA_HOME", jdk.toString());
            Result decrypted = sops("decrypt", "app-secrets.sops.yaml");
            assertThat(decrypted.exit()).as(jdk + ": " + decrypted.err()).isZero();
            assertThat(decrypted.out()).isEqualTo(Files.readString(DEMO_PLAIN));
            assertThat(decrypted.err()).as(jdk.toString()).isEmpty();
        }
        assertThat(archives()).as("a full, a decrypt and a filestatus archive per JDK").hasSize(3 * (jdks.size() - 1));
        Files.delete(sameJdkElsewhere);
    }

    @Test
    void anArchiveIsUsedOnceMadeAndRemadeWhenTheJarsChange() throws Exception {
        assertThat(sops("--version").exit()).isZero();
        Path archive = home.resolve(".cache/sops4j").resolve(fullArchive());
        environment.put("SOPS4J_JAVA_OPTS", "-Xlog:class+load=info:file=" + temp.resolve("classes.log"));
        assertThat(sops("decrypt", "app-secrets.sops.yaml").exit()).isZero();
        List<String> loaded = Files.readAllLines(temp.resolve("classes.log"));
        assertThat(loaded.stream().filter(line -> line.contains("io.sops4j.cli.DecryptCommand ")))
                .singleElement().asString().containsAnyOf("shared objects file", "AOT cache");
        // decrypt and filestatus map the smaller archive of what they load (no randomness), other commands the full one
        String randomness = "io.sops4j.internal.crypto.Randomness$Holder ";
        Files.copy(DEMO_ENCRYPTED, work.resolve("in-place.sops.yaml"));
        assertThat(sops("decrypt", "--in-place", "in-place.sops.yaml").exit()).isZero();
        assertThat(Files.readAllLines(temp.resolve("classes.log")).stream().filter(line -> line.contains(randomness)))
                .singleElement().asString().contains("sops4j-cli.jar");
        assertThat(sops("encrypt", "--age", recipient(), "--output", "again.sops.yaml", "in-place.sops.yaml").exit()).isZero();
        assertThat(Files.readAllLines(temp.resolve("classes.log")).stream().filter(line -> line.contains(randomness)))
                .singleElement().asString().contains("shared objects file");

        long before = Files.getLastModifiedTime(archive).toMillis();
        Path jar = temp.resolve("opt/sops4j-cli-" + VERSION + "/lib/sops4j-cli.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(before + 2000));
        environment.remove("SOPS4J_JAVA_OPTS");
        Result afterChange = sops("decrypt", "app-secrets.sops.yaml");
        assertThat(afterChange.exit()).as(afterChange.err()).isZero();
        assertThat(afterChange.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(archive).toMillis()).isGreaterThan(before);
        Path version = home.resolve(".cache/sops4j").resolve(fullArchive().replaceFirst("\\.jsa$", ".version"));
        assertThat(Files.getLastModifiedTime(version).toMillis()).isGreaterThan(before);
        assertThat(sops("--version").out()).isEqualTo("sops 3.13.2 (sops4j " + VERSION + ")\n");
    }

    /**
     * Recording archives also removes what no launcher can use any more: the archives of a launcher
     * path whose installation or runtime version is gone, and this key's archives of older kinds.
     * Another path still leading to an installation keeps its archives, and archives no remembered
     * path names are left alone.
     */
    @Test
    void recordingRemovesTheArchivesOfGoneInstallationsAndRuntimes() throws Exception {
        assertThat(sops("--version").exit()).isZero();
        Path cache = home.resolve(".cache/sops4j");
        String full = fullArchive();
        String prefix = full.substring(0, full.indexOf('-', "sops4j-java".length()) + 1);
        String key = full.substring(prefix.length(), full.length() - ".jsa".length());
        Path launcher = temp.resolve("opt/sops4j-cli-" + VERSION + "/bin/sops").toRealPath();
        Path installation = launcher.getParent().getParent();
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        String runtimeVersion = releaseValue(javaHome, "JAVA_RUNTIME_VERSION");

        Files.writeString(cache.resolve("launch/%gone%bin%sops@%gone-jdk%bin%java"),
                String.join("\n", "/gone/bin/sops", "/gone", "/gone-jdk", runtimeVersion, "111", ""));
        Files.writeString(cache.resolve("launch/%elsewhere%sops@%old-jdk%bin%java"),
                String.join("\n", launcher.toString(), installation.toString(), javaHome.toString(), "0.0.0-gone", "222", ""));
        Files.writeString(cache.resolve("launch/%other%sops@%this-jdk%bin%java"),
                String.join("\n", launcher.toString(), installation.toString(), javaHome.toString(), runtimeVersion, "333", ""));
        List<String> gone = List.of(prefix + "111.jsa", prefix + "111-decrypt.jsa", prefix + "111.version", prefix + "222.jsa",
                prefix + key + "-fast.jsa");
        List<String> kept = List.of(prefix + "333.jsa", prefix + "333-filestatus.jsa", prefix + "333.version",
                prefix + "444.jsa");
        for (String name : concat(gone, kept)) {
            Files.writeString(cache.resolve(name), "archive");
        }

        Path jar = installation.resolve("lib/sops4j-cli.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(cache.resolve(full)).toMillis() + 2000));
        Result decrypted = sops("decrypt", "app-secrets.sops.yaml");
        assertThat(decrypted.exit()).as(decrypted.err()).isZero();
        assertThat(decrypted.out()).isEqualTo(Files.readString(DEMO_PLAIN));

        for (String name : gone) {
            assertThat(cache.resolve(name)).as(name).doesNotExist();
        }
        for (String name : kept) {
            assertThat(cache.resolve(name)).as(name).exists();
        }
        assertThat(cache.resolve("launch/%gone%bin%sops@%gone-jdk%bin%java")).doesNotExist();
        assertThat(cache.resolve("launch/%elsewhere%sops@%old-jdk%bin%java")).doesNotExist();
        assertThat(cache.resolve("launch/%other%sops@%this-jdk%bin%java")).exists();
        assertThat(archives()).contains(full, prefix + key + "-decrypt.jsa", prefix + key + "-filestatus.jsa");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String releaseValue(Path jdk, String name) throws IOException {
        for (String line : Files.readAllLines(jdk.resolve("release"))) {
            if (line.startsWith(name + "=\"")) {
                return line.substring(name.length() + 2, line.length() - 1);
            }
        }
        throw new AssertionError(name + " not in " + jdk.resolve("release"));
    }

    /** What the launcher remembers about a launcher path is not trusted once the path leads elsewhere. */
    @Test
    void aLauncherRepointedToAnotherInstallationRunsThatInstallation() throws Exception {
        assertThat(sops("decrypt", "app-secrets.sops.yaml").exit()).isZero();
        assertThat(archives()).hasSize(3);
        Path other = Files.createDirectories(temp.resolve("opt2"));
        Result unpacked = exec(other, List.of("tar", "-xzf", System.getProperty("sops4j.distribution")), null);
        assertThat(unpacked.exit()).as(unpacked.err()).isZero();
        Files.delete(bin.resolve("sops"));
        Files.createSymbolicLink(bin.resolve("sops"), other.resolve("sops4j-cli-" + VERSION).resolve("bin").resolve("sops"));

        Path log = temp.resolve("classes.log");
        environment.put("SOPS4J_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Result decrypted = sops("decrypt", "app-secrets.sops.yaml");
        assertThat(decrypted.exit()).as(decrypted.err()).isZero();
        assertThat(decrypted.out()).isEqualTo(Files.readString(DEMO_PLAIN));
        assertThat(archives()).as("archives of its own for the other installation").hasSize(6);
        assertThat(Files.readString(log)).doesNotContain(temp.resolve("opt") + File.separator);
    }

    /**
     * Small files run with C1 alone and Bouncy Castle's primitives, no JCA; a file over 24 MiB with
     * the optimising compiler and the JDK's. Both decrypt what the other encrypted.
     */
    @Test
    void theLauncherPicksThePrimitivesWithTheCompiler() throws Exception {
        environment.put("SOPS4J_CDS", "0");
        String recipient = recipient();
        byte[] large = new byte[25 << 20];
        new java.util.Random(16).nextBytes(large);
        Files.write(work.resolve("large.bin"), large);
        Files.writeString(work.resolve("small.yaml"), "password: s3cr3t\n");

        Path log = temp.resolve("classes.log");
        environment.put("SOPS4J_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Result small = sops("encrypt", "--age", recipient, "--output", "small.sops.yaml", "small.yaml");
        assertThat(small.exit()).as(small.err()).isZero();
        List<String> smallClasses = Files.readAllLines(log);
        assertThat(smallClasses).anyMatch(line -> line.contains("org.bouncycastle.crypto.modes.GCMBlockCipher "))
                .noneMatch(line -> line.contains("com.sun.crypto.provider.GaloisCounterMode "));

        Result encrypted = sops("encrypt", "--age", recipient, "--output", "large.sops.bin", "large.bin");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        List<String> largeClasses = Files.readAllLines(log);
        assertThat(largeClasses).as("a 25 MiB input: the JDK's AES-GCM")
                .anyMatch(line -> line.contains("com.sun.crypto.provider.GaloisCounterMode "))
                .noneMatch(line -> line.contains("org.bouncycastle.crypto.modes.GCMBlockCipher "));
        environment.remove("SOPS4J_JAVA_OPTS");

        Result decrypted = sops("decrypt", "--output", "large.out", "large.sops.bin");
        assertThat(decrypted.exit()).as(decrypted.err()).isZero();
        assertThat(Files.readAllBytes(work.resolve("large.out"))).isEqualTo(large);
        Result decryptedSmall = sops("decrypt", "small.sops.yaml");
        assertThat(decryptedSmall.out()).isEqualTo("password: s3cr3t\n");
    }

    /**
     * Since Java 21 {@code System.exit} sets up {@code System.Logger} to log the exit, a logger
     * finder look-up through the start jar; a successful run returns from {@code main} instead.
     */
    @Test
    void aSuccessfulRunEndsWithoutTheExitLogger() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Path> jdks = new ArrayList<>(List.of(javaHome));
        otherJdk(javaHome).ifPresent(jdks::add);
        jdks.removeIf(jdk -> Integer.parseInt(feature(jdk)) < 21);
        assumeTrue(!jdks.isEmpty(), "no Java 21+ runtime beside " + javaHome);
        for (Path jdk : jdks) {
            environment.put("JAVA_HOME", jdk.toString());
            Path log = temp.resolve("init-" + feature(jdk) + ".log");
            environment.put("SOPS4J_JAVA_OPTS", "-Xlog:class+init=info:file=" + log);
            Result status = sops("filestatus", "app-secrets.sops.yaml");
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(status.out()).isEqualTo("{\"encrypted\":true}\n");
            assertThat(Files.readAllLines(log)).as(jdk.toString())
                    .anyMatch(line -> line.contains("io/sops4j/cli/FileStatusCommand"))
                    .noneMatch(line -> line.contains("BootstrapLogger$DetectBackend"));

            Result missing = sops("filestatus", "missing.sops.yaml");
            assertThat(missing.exit()).as("a failure still exits through System.exit with its code").isEqualTo(100);
        }
        environment.remove("SOPS4J_JAVA_OPTS");
    }

    /**
     * Every class {@code decrypt} and {@code filestatus} load comes from the start-up archive of
     * that command, on every JDK here, and no lambda class is made at run time (a serializable
     * lambda, such as {@code Comparator.comparingInt}'s, cannot be archived).
     */
    @Test
    void theEverydayCommandsLoadNothingFromTheStartJar() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Path> jdks = new ArrayList<>(List.of(javaHome));
        otherJdk(javaHome).ifPresent(jdks::add);
        for (Path jdk : jdks) {
            environment.put("JAVA_HOME", jdk.toString());
            environment.remove("SOPS4J_JAVA_OPTS");
            assertThat(sops("filestatus", "app-secrets.sops.yaml").exit()).isZero();
            for (String command : List.of("filestatus", "decrypt")) {
                Path log = temp.resolve(command + "-" + feature(jdk) + ".log");
                Path mapped = temp.resolve(command + "-" + feature(jdk) + "-archive.log");
                environment.put("SOPS4J_JAVA_OPTS", "-Xlog:class+load=info:file=" + log + " -Xlog:cds=info:file=" + mapped);
                Result result = sops(command, "app-secrets.sops.yaml");
                assertThat(result.exit()).as(result.err()).isZero();
                assertThat(Files.readAllLines(log)).as(jdk + " " + command)
                        .anyMatch(line -> line.contains("io.sops4j.cli.FastPath "))
                        .noneMatch(line -> line.contains("source: file:"))
                        .noneMatch(line -> line.contains("$$Lambda") && !line.contains("shared objects file") && !line.contains("AOT cache"));
                assertThat(Files.readAllLines(mapped)).as(jdk + " " + command)
                        .anyMatch(line -> line.contains("Opened") && line.endsWith("-" + command + ".jsa."));
            }
        }
        environment.remove("SOPS4J_JAVA_OPTS");
    }

    @Test
    void noStartUpArchiveWhenTurnedOff() throws Exception {
        environment.put("SOPS4J_CDS", "0");
        Result version = sops("--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(home.resolve(".cache")).doesNotExist();
    }

    /**
     * The launcher decides its flags from file metadata only. Reading {@code /dev/stdout} inside
     * the launcher's own command substitution used to wait forever on the launcher's own pipe.
     */
    @Test
    void argumentsThatAreFifosOrStandardOutputAreNeverOpenedByTheLauncher() throws Exception {
        environment.put("SOPS4J_CDS", "0");
        Path fifo = work.resolve("pipe");
        assertThat(exec(work, List.of("mkfifo", fifo.toString()), null).exit()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "a: b\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        Result onFifo = sops("filestatus", "--input-type", "yaml", "pipe");
        writer.join(10_000);
        assertThat(onFifo.exit()).as("sops reads the FIFO itself, as upstream: " + onFifo.err()).isZero();
        assertThat(onFifo.out()).as("what the writer wrote reached sops whole").contains("{\"encrypted\":false}");

        Path captured = work.resolve("captured.txt");
        Result onStdout = exec(work, command("filestatus", "/dev/stdout"), captured.toFile());
        assertThat(onStdout.err()).as("the command line itself ran and read the empty file")
                .startsWith("/dev/stdout: Error unmarshalling input json");
    }

    /** {@code sops keyservice} and {@code --keyservice} load gRPC from lib/kms/; the client holds no key. */
    @Test
    void theKeyServiceAndItsClientRunFromTheInstallation() throws Exception {
        environment.put("SOPS4J_CDS", "0");
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Path> jdks = new ArrayList<>(List.of(javaHome));
        otherJdk(javaHome).ifPresent(jdks::add);
        for (Path jdk : jdks) {
            environment.put("JAVA_HOME", jdk.toString());
            environment.put("SOPS_AGE_KEY_FILE", DEMO_KEY.toString());
            keyServiceRoundTrip(temp.resolve("sops-" + feature(jdk) + ".sock"), jdk);
        }
        environment.put("SOPS4J_CDS", "1");
        for (Path jdk : jdks) {
            environment.put("JAVA_HOME", jdk.toString());
            environment.put("SOPS_AGE_KEY_FILE", DEMO_KEY.toString());
            keyServiceRoundTrip(temp.resolve("sops-" + feature(jdk) + "-archived.sock"), jdk);
        }
    }

    /** A key service on {@code socket} and a client using only it, both silent on standard error but for the address. */
    private void keyServiceRoundTrip(Path socket, Path jdk) throws Exception {
        Path serverErr = temp.resolve(socket.getFileName() + ".err");
        ProcessBuilder builder = new ProcessBuilder(command("keyservice", "--network", "unix", "--address", socket.toString()))
                .directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(temp.resolve(socket.getFileName() + ".out").toFile())
                .redirectError(serverErr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process server = builder.start();
        try {
            for (int i = 0; i < 600 && !Files.exists(socket) && server.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(socket).as(jdk + ": " + read(serverErr)).exists();
            environment.remove("SOPS_AGE_KEY_FILE");
            Result decrypted = sops("decrypt", "--keyservice", "unix://" + socket, "--enable-local-keyservice=false",
                    "app-secrets.sops.yaml");
            assertThat(decrypted.exit()).as(jdk + ": " + decrypted.err()).isZero();
            assertThat(decrypted.out()).isEqualTo(Files.readString(DEMO_PLAIN));
            assertThat(decrypted.err()).as(jdk.toString()).isEmpty();
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(read(serverErr)).as(jdk.toString()).isEqualTo("Listening on unix://" + socket + "\n");
    }

    /** Age files never open lib/kms; a KMS key loads the AWS SDK from there, with no logging noise. */
    @Test
    void cloudKeySourcesLoadFromTheirOwnDirectoryOnlyWhenUsed() throws Exception {
        environment.put("SOPS4J_CDS", "0");
        Path log = temp.resolve("classes.log");
        environment.put("SOPS4J_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        assertThat(sops("decrypt", "app-secrets.sops.yaml").exit()).isZero();
        assertThat(Files.readAllLines(log)).noneMatch(line -> line.contains("/lib/kms/"));

        String arn = "arn:aws:kms:eu-west-1:000000000000:key/00000000-0000-0000-0000-000000000000";
        try (AwsStandIn aws = new AwsStandIn(Set.of(arn), Set.of("AKIAINSTALLED"))) {
            environment.put("AWS_ENDPOINT_URL_KMS", aws.endpoint());
            environment.put("AWS_ACCESS_KEY_ID", "AKIAINSTALLED");
            environment.put("AWS_SECRET_ACCESS_KEY", "installed-secret-access-key");
            environment.put("AWS_REGION", "us-east-1");
            Files.writeString(work.resolve("plain.yaml"), "password: s3cr3t\n");
            Result encrypted = sops("encrypt", "--kms", arn, "--output", "kms.sops.yaml", "plain.yaml");
            assertThat(encrypted.exit()).as(encrypted.err()).isZero();
            assertThat(encrypted.err()).isEmpty();
            assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains("software.amazon.awssdk.services.kms.KmsClient ")
                    && line.contains("/lib/kms/"));

            Result decrypted = sops("decrypt", "kms.sops.yaml");
            assertThat(decrypted.exit()).as(decrypted.err()).isZero();
            assertThat(decrypted.out()).isEqualTo("password: s3cr3t\n");
            assertThat(decrypted.err()).isEmpty();
            assertThat(aws.calls).hasSize(2);
        }
    }

    /** A HuaweiCloud KMS key, named on the command line, loads its key source from lib/kms too. */
    @Test
    void huaweiCloudKmsKeysLoadFromTheCloudDirectory() throws Exception {
        String uuid = "12345678-1234-1234-1234-123456789abc";
        try (HuaweiCloudKmsStandIn hckms = new HuaweiCloudKmsStandIn("tr-west-1", Set.of(uuid),
                Map.of("HPUAINSTALLED", "installed-secret-key"))) {
            environment.put(hckms.endpointVariable(), hckms.endpoint());
            environment.put("HUAWEICLOUD_SDK_AK", "HPUAINSTALLED");
            environment.put("HUAWEICLOUD_SDK_SK", "installed-secret-key");
            environment.put("HUAWEICLOUD_SDK_PROJECT_ID", HuaweiCloudKmsStandIn.PROJECT_ID);
            Files.writeString(work.resolve("plain.yaml"), "password: s3cr3t\n");
            Result encrypted = sops("encrypt", "--hckms", "tr-west-1:" + uuid, "--output", "hckms.sops.yaml", "plain.yaml");
            assertThat(encrypted.exit()).as(encrypted.err()).isZero();
            assertThat(Files.readString(work.resolve("hckms.sops.yaml"))).contains("key_id: tr-west-1:" + uuid);

            Result decrypted = sops("decrypt", "hckms.sops.yaml");
            assertThat(decrypted.exit()).as(decrypted.err()).isZero();
            assertThat(decrypted.out()).isEqualTo("password: s3cr3t\n");
            assertThat(hckms.calls).hasSize(2);
        }
    }

    private static String recipient() throws IOException {
        return Files.readAllLines(DEMO_KEY).stream().filter(line -> line.startsWith("# public key: "))
                .findFirst().orElseThrow().substring("# public key: ".length());
    }

    private String fullArchive() throws IOException {
        return archives().stream().filter(name -> name.matches("sops4j-java\\d+-\\d+\\.jsa")).findFirst().orElseThrow();
    }

    private List<String> archives() throws IOException {
        Path cache = home.resolve(".cache/sops4j");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches(".*\\.jsa")).sorted().toList();
        }
    }

    /** A JDK of another feature version beside this one ({@code /usr/lib/jvm/*}), if the machine has one. */
    private static Optional<Path> otherJdk(Path javaHome) throws IOException {
        String own = feature(javaHome);
        Path parent = javaHome.toRealPath().getParent();
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> !feature(jdk).isEmpty() && !feature(jdk).equals(own))
                    .sorted()
                    .findFirst();
        }
    }

    private static String feature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0];
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    /** {@code sops ARGS} as a shell runs it: found through {@code PATH}, in the working directory. */
    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec sops \"$@\"", "sh"));
        command.addAll(List.of(args));
        return command;
    }

    private Result sops(String... args) throws Exception {
        return exec(work, command(args), null);
    }

    private Result exec(Path directory, List<String> command, File stdout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = stdout != null ? stdout.toPath() : temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("did not finish within 300 s: " + command);
        }
        return new Result(process.exitValue(), read(out), read(err));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exit, String out, String err) {
    }
}
