package io.sops4j.kms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.MetadataShape;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsKmsTest {

    static final String ARN = "arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000";
    static final String OTHER_ARN = "arn:aws:kms:eu-west-3:111111111111:key/11111111-1111-1111-1111-111111111111";
    static final String UNKNOWN_ARN = "arn:aws:kms:us-east-1:000000000000:key/99999999-9999-9999-9999-999999999999";
    static final String ROLE = "arn:aws:iam::000000000000:role/sops-decrypt";

    @TempDir
    Path home;

    private AwsStandIn aws;
    private final byte[] dataKey = new byte[32];

    @BeforeEach
    void start() throws IOException {
        aws = new AwsStandIn(Set.of(ARN, OTHER_ARN), Set.of("AKIAENVIRONMENT", "AKIAPROFILEDEV", "AKIACREDFILE"));
        new SecureRandom().nextBytes(dataKey);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private KeyEnvironment environment(Map<String, String> extra) {
        Map<String, String> variables = new HashMap<>();
        variables.put("AWS_ENDPOINT_URL", aws.endpoint());
        variables.put("AWS_REGION", "ap-south-1");
        variables.putAll(extra);
        return KeyEnvironment.of(variables, home);
    }

    private KeyEnvironment staticKeys() {
        return environment(Map.of("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT", "AWS_SECRET_ACCESS_KEY", "env-secret"));
    }

    @Test
    void encryptsAndDecryptsWithTheContextInTheArnsRegion() {
        AwsKmsMasterKey key = AwsKms.key(ARN, Map.of("env", "prod", "app", "web"), "");

        MasterKey encrypted = key.encrypt(dataKey, staticKeys());

        assertThat(encrypted.encryptedKey()).isBase64();
        assertThat(encrypted.decrypt(staticKeys())).isEqualTo(dataKey);
        assertThat(aws.calls).containsExactly(
                "TrentService.Encrypt AKIAENVIRONMENT us-east-1",
                "TrentService.Decrypt AKIAENVIRONMENT us-east-1");
    }

    @Test
    void theStoredContextIsRequiredToDecrypt() {
        MasterKey encrypted = AwsKms.key(ARN, Map.of("env", "prod"), "").encrypt(dataKey, staticKeys());
        TreeBranch entry = encrypted.toMetadata();
        ((TreeBranch) entry.get("context").orElseThrow()).items().set(0, new io.sops4j.tree.TreeItem("env", "dev"));
        MasterKey tampered = new AwsKmsKeySource().fromMetadata(entry);

        assertThatThrownBy(() -> tampered.decrypt(staticKeys()))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining(ARN)
                .hasMessageContaining("InvalidCiphertext");
    }

    @Test
    void theUpstreamEntryRoundTripsFieldForField() {
        TreeBranch upstream = MetadataShape.upstreamKmsEntry();

        MasterKey loaded = KeySources.installed().find("kms").orElseThrow().fromMetadata(upstream);

        assertThat(loaded.toMetadata()).isEqualTo(upstream);
        assertThat(MetadataShape.keys(loaded.toMetadata())).containsExactly("arn", "aws_profile", "context", "created_at", "enc");
        assertThat(loaded.id()).isEqualTo(ARN + "|env:prod");
    }

    @Test
    void aNewKeyIsLaidOutLikeTheUpstreamEntry() {
        TreeBranch upstream = MetadataShape.upstreamKmsEntry();

        TreeBranch entry = AwsKms.key(ARN, Map.of("env", "prod"), "").encrypt(dataKey, staticKeys()).toMetadata();

        assertThat(MetadataShape.keys(entry)).isEqualTo(MetadataShape.keys(upstream));
        assertThat(entry.get("arn")).isEqualTo(upstream.get("arn"));
        assertThat(entry.get("aws_profile")).contains("");
        assertThat(entry.get("context")).isEqualTo(upstream.get("context"));
        assertThat(entry.get("created_at").orElseThrow().toString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        TreeBranch bare = AwsKms.key(ARN + "+" + ROLE, Map.of(), "dev").toMetadata();
        assertThat(MetadataShape.keys(bare)).containsExactly("arn", "aws_profile", "created_at", "enc", "role");
        assertThat(bare.get("role")).contains(ROLE);
        assertThat(bare.get("aws_profile")).contains("dev");
    }

    @Test
    void contextKeysAreSortedInMetadataAndInTheId() {
        AwsKmsMasterKey key = AwsKms.key(" " + ARN + " + " + ROLE, AwsKms.parseContext("zeta:1,alpha:2"), "prof");

        assertThat(key.arn()).isEqualTo(ARN);
        assertThat(key.role()).isEqualTo(ROLE);
        assertThat(MetadataShape.keys((TreeBranch) key.toMetadata().get("context").orElseThrow())).containsExactly("alpha", "zeta");
        assertThat(key.id()).isEqualTo(ARN + "+" + ROLE + "|alpha:2,zeta:1|prof");
        assertThat(AwsKms.keys(ARN + "," + OTHER_ARN, Map.of(), "")).extracting(AwsKmsMasterKey::id).containsExactly(ARN, OTHER_ARN);
    }

    @Test
    void aServiceSpecificEndpointWinsOverTheGeneralOne() {
        KeyEnvironment both = KeyEnvironment.of(Map.of("AWS_ENDPOINT_URL", "http://general", "AWS_ENDPOINT_URL_KMS", "http://kms"), home);

        assertThat(AwsKmsCalls.endpoint(both, "AWS_ENDPOINT_URL_KMS")).contains(java.net.URI.create("http://kms"));
        assertThat(AwsKmsCalls.endpoint(both, "AWS_ENDPOINT_URL_STS")).contains(java.net.URI.create("http://general"));
        assertThat(AwsKmsCalls.endpoint(KeyEnvironment.of(Map.of(), home), "AWS_ENDPOINT_URL_KMS")).isEmpty();
    }

    @Test
    void aMalformedContextIsExitCodeSix() {
        assertThat(AwsKms.parseContext("")).isEmpty();
        assertThatThrownBy(() -> AwsKms.parseContext("a:b,c"))
                .isInstanceOf(SopsException.class)
                .satisfies(e -> assertThat(((SopsException) e).exitCode()).isEqualTo(ExitCode.INVALID_KMS_ENCRYPTION_CONTEXT_FORMAT));
        assertThatThrownBy(() -> AwsKms.parseContext("a:b:c")).isInstanceOf(SopsException.class);
    }

    @Test
    void aProfileFromTheSharedConfigFileWinsOverEnvironmentKeys() throws IOException {
        Path config = Files.writeString(home.resolve("aws-config"), """
                [default]
                aws_access_key_id = AKIAUNUSEDDEFAULT
                aws_secret_access_key = unused

                [profile dev]
                aws_access_key_id = AKIAPROFILEDEV
                aws_secret_access_key = dev-secret
                """);
        Map<String, String> variables = Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT", "AWS_SECRET_ACCESS_KEY", "env-secret");

        MasterKey encrypted = AwsKms.key(ARN, Map.of(), "dev").encrypt(dataKey, environment(variables));
        assertThat(encrypted.toMetadata().get("aws_profile")).contains("dev");
        assertThat(aws.calls).containsExactly("TrentService.Encrypt AKIAPROFILEDEV us-east-1");

        assertThat(AwsKms.key(ARN, Map.of(), "").encrypt(dataKey, environment(variables)).decrypt(environment(variables)))
                .isNotNull();
        assertThat(aws.calls).last().isEqualTo("TrentService.Decrypt AKIAENVIRONMENT us-east-1");
    }

    @Test
    void theDefaultCredentialsFileInTheHomeDirectoryAndAwsProfileAreUsed() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws").resolve("credentials"), """
                [team]
                aws_access_key_id = AKIACREDFILE
                aws_secret_access_key = file-secret
                """);

        MasterKey encrypted = AwsKms.key(ARN, Map.of(), "").encrypt(dataKey, environment(Map.of("AWS_PROFILE", "team")));

        assertThat(encrypted.decrypt(environment(Map.of("AWS_PROFILE", "team")))).isEqualTo(dataKey);
        assertThat(aws.calls).allMatch(call -> call.contains(" AKIACREDFILE "));
    }

    @Test
    void aRoleIsAssumedThroughStsBeforeCallingKms() {
        AwsKmsMasterKey key = AwsKms.key(ARN + "+" + ROLE, Map.of(), "");

        MasterKey encrypted = key.encrypt(dataKey, staticKeys());

        assertThat(encrypted.decrypt(staticKeys())).isEqualTo(dataKey);
        assertThat(aws.calls).containsExactly(
                "STS.AssumeRole AKIAENVIRONMENT us-east-1",
                "TrentService.Encrypt " + AwsStandIn.ASSUMED_ACCESS_KEY + " us-east-1",
                "STS.AssumeRole AKIAENVIRONMENT us-east-1",
                "TrentService.Decrypt " + AwsStandIn.ASSUMED_ACCESS_KEY + " us-east-1");
        Map<String, String> request = aws.assumeRoleRequests.get(0);
        assertThat(request.get("RoleArn")).isEqualTo(ROLE);
        assertThat(request.get("RoleSessionName")).startsWith("sops@").hasSizeLessThanOrEqualTo(64)
                .matches("[a-zA-Z0-9=,.@\\-_\\[\\]\\\\^]+");
    }

    @Test
    void sessionNamesDropCharactersStsRejectsAndStopAt64() {
        assertThat(AwsKmsCalls.sessionName("my host!.example.com")).isEqualTo("sops@myhost.example.com");
        assertThat(AwsKmsCalls.sessionName("a[b]c^d")).isEqualTo("sops@a[b]c^d");
        assertThat(AwsKmsCalls.sessionName("h".repeat(100))).hasSize(64).isEqualTo("sops@" + "h".repeat(59));
    }

    @Test
    void throttlingIsRetriedWithBackoffThenSucceeds() {
        aws.throttleNext.set(2);

        MasterKey encrypted = AwsKms.key(ARN, Map.of(), "").encrypt(dataKey, staticKeys());

        assertThat(encrypted.decrypt(staticKeys())).isEqualTo(dataKey);
        assertThat(aws.calls).hasSize(4);
    }

    @Test
    void retriesAreBoundedAndTheErrorNamesKeyAndCause() {
        aws.throttleNext.set(100);

        assertThatThrownBy(() -> AwsKms.key(ARN, Map.of(), "").encrypt(dataKey, staticKeys()))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining(ARN)
                .hasMessageContaining("Rate exceeded")
                .hasMessageNotContaining("env-secret");
        assertThat(aws.calls).hasSize(AwsKmsCalls.MAX_ATTEMPTS);
    }

    @Test
    void anInvalidArnFailsBeforeAnyCall() {
        assertThatThrownBy(() -> AwsKms.key("arn:aws:kms:no-account:key/x", Map.of(), "").encrypt(dataKey, staticKeys()))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("no valid ARN found");
        assertThat(aws.calls).isEmpty();
    }

    @Test
    void whenTheFirstKeyFailsTheNextKeyDecrypts() {
        MasterKey good = AwsKms.key(OTHER_ARN, Map.of(), "").encrypt(dataKey, staticKeys());
        TreeBranch missing = AwsKms.key(UNKNOWN_ARN, Map.of(), "").toMetadata();
        missing.items().replaceAll(item -> item.key().equals("enc") ? new io.sops4j.tree.TreeItem("enc", good.encryptedKey()) : item);
        AwsKmsKeySource source = new AwsKmsKeySource();
        List<MasterKey> group = List.of(source.fromMetadata(missing), source.fromMetadata(good.toMetadata()));

        byte[] recovered = null;
        for (MasterKey key : group) {
            try {
                recovered = key.decrypt(staticKeys());
                break;
            } catch (DataKeyException e) {
                assertThat(e).hasMessageContaining(UNKNOWN_ARN);
            }
        }
        assertThat(recovered).isEqualTo(dataKey);
        assertThat(aws.calls).last().isEqualTo("TrentService.Decrypt AKIAENVIRONMENT eu-west-3");
    }
}
