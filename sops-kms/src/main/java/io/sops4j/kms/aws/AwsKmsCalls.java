package io.sops4j.kms.aws;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.kms.KeyFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The AWS SDK calls of {@link AwsKmsMasterKey}; loaded only once the SDK is known to be present. */
final class AwsKmsCalls {

    static final int MAX_ATTEMPTS = 4;
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    static final int SESSION_NAME_LIMIT = 64;

    private AwsKmsCalls() {
    }

    static String encrypt(AwsKmsMasterKey key, String region, byte[] plaintext, KeyEnvironment environment) {
        try (KmsClient kms = kmsClient(key, region, environment)) {
            byte[] blob = kms.encrypt(request -> request.keyId(key.arn())
                            .plaintext(SdkBytes.fromByteArray(plaintext))
                            .encryptionContext(key.context().isEmpty() ? null : key.context()))
                    .ciphertextBlob().asByteArray();
            return Base64.getEncoder().encodeToString(blob);
        } catch (SdkException e) {
            throw KeyFailure.of(key.description(), "encrypt the data key", e);
        }
    }

    static byte[] decrypt(AwsKmsMasterKey key, String region, KeyEnvironment environment) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(key.encryptedKey());
        } catch (IllegalArgumentException e) {
            throw KeyFailure.of(key.description(), "decrypt the data key", "enc is not valid base64");
        }
        try (KmsClient kms = kmsClient(key, region, environment)) {
            return kms.decrypt(request -> request.keyId(key.arn())
                            .ciphertextBlob(SdkBytes.fromByteArray(blob))
                            .encryptionContext(key.context().isEmpty() ? null : key.context()))
                    .plaintext().asByteArray();
        } catch (SdkException e) {
            throw KeyFailure.of(key.description(), "decrypt the data key", e);
        }
    }

    private static KmsClient kmsClient(AwsKmsMasterKey key, String region, KeyEnvironment environment) {
        ProfileFile profiles = profiles(environment);
        AwsCredentialsProvider credentials = baseCredentials(key, environment, profiles);
        if (!key.role().isEmpty()) {
            credentials = assumeRole(key, region, environment, profiles, credentials);
        }
        return configure(KmsClient.builder(), region, profiles, environment, "AWS_ENDPOINT_URL_KMS")
                .credentialsProvider(credentials)
                .build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region, ProfileFile profiles,
            KeyEnvironment environment, String serviceEndpointVariable) {
        builder.region(Region.of(region));
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .defaultProfileFileSupplier(() -> profiles)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build());
        endpoint(environment, serviceEndpointVariable).ifPresent(builder::endpointOverride);
        return builder;
    }

    static Optional<URI> endpoint(KeyEnvironment environment, String serviceEndpointVariable) {
        return environment.get(serviceEndpointVariable).or(() -> environment.get("AWS_ENDPOINT_URL")).map(URI::create);
    }

    /**
     * As the Go SDK resolves them: an explicitly chosen profile ({@code aws_profile} or
     * {@code AWS_PROFILE}) wins, then static keys from the environment, then the default chain.
     */
    private static AwsCredentialsProvider baseCredentials(AwsKmsMasterKey key, KeyEnvironment environment,
            ProfileFile profiles) {
        Optional<String> profile = key.profile().isEmpty() ? environment.get("AWS_PROFILE") : Optional.of(key.profile());
        if (profile.isPresent()) {
            return ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profile.get()).build();
        }
        Optional<String> accessKey = environment.get("AWS_ACCESS_KEY_ID");
        Optional<String> secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            Optional<String> sessionToken = environment.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(sessionToken.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), sessionToken.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return DefaultCredentialsProvider.builder().profileFile(() -> profiles).profileName("default").build();
    }

    private static AwsCredentialsProvider assumeRole(AwsKmsMasterKey key, String region, KeyEnvironment environment,
            ProfileFile profiles, AwsCredentialsProvider base) {
        try (StsClient sts = configure(StsClient.builder(), region, profiles, environment, "AWS_ENDPOINT_URL_STS")
                .credentialsProvider(base).build()) {
            Credentials assumed = sts.assumeRole(request -> request.roleArn(key.role())
                    .roleSessionName(sessionName(hostname()))).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    assumed.accessKeyId(), assumed.secretAccessKey(), assumed.sessionToken()));
        } catch (SdkException e) {
            throw KeyFailure.of(key.description(), "assume role " + key.role(), e);
        }
    }

    /** {@code sops@HOST} with characters STS rejects removed, at most 64 characters. */
    static String sessionName(String hostname) {
        String name = "sops@" + hostname.replaceAll("[^a-zA-Z0-9=,.@-_]+", "");
        return name.length() > SESSION_NAME_LIMIT ? name.substring(0, SESSION_NAME_LIMIT) : name;
    }

    private static String hostname() {
        Path kernelHostname = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(kernelHostname)) {
                return Files.readString(kernelHostname, StandardCharsets.UTF_8).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    /** The shared config and credentials files, at {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE} or in {@code ~/.aws}. */
    static ProfileFile profiles(KeyEnvironment environment) {
        Path home = environment.home();
        Path config = environment.get("AWS_CONFIG_FILE").map(Path::of).orElse(home.resolve(".aws").resolve("config"));
        Path credentials = environment.get("AWS_SHARED_CREDENTIALS_FILE").map(Path::of)
                .orElse(home.resolve(".aws").resolve("credentials"));
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        try {
            if (Files.isRegularFile(config)) {
                aggregator.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
            }
            if (Files.isRegularFile(credentials)) {
                aggregator.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
            }
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot read the AWS shared config files", e.getCause());
        }
        return aggregator.build();
    }
}
