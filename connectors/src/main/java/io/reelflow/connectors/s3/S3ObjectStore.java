package io.reelflow.connectors.s3;

import io.reelflow.connectors.s3.internal.S3Location;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An {@link ObjectStore} on S3 or an S3-compatible server, through the AWS SDK v2 synchronous
 * client over {@code HttpURLConnection}. Objects are whole-file puts and streamed gets (media files
 * are small enough that multipart transfers would only add moving parts). URIs are {@code
 * s3://bucket/key}. Blocking: call it from a bounded executor, not the Flink task thread. A call
 * retries through throttling and outages as {@link S3Settings#retry()} says, so it may block for up
 * to {@link S3Retry#maxTotalBackoff()} plus its attempts before it fails.
 */
public final class S3ObjectStore implements ObjectStore {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    private static final int NOT_FOUND = 404;

    private final S3Settings settings;
    private final AwsCredentialsProvider credentials;
    private final S3Client s3;

    public S3ObjectStore(S3Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = credentials(settings);
        this.s3 = buildClient(settings, credentials);
    }

    /** A serializable factory that opens a new store (and S3 client) inside each task. */
    public static ObjectStoreFactory factory(S3Settings settings) {
        Objects.requireNonNull(settings, "settings");
        return () -> new S3ObjectStore(settings);
    }

    private static S3Client buildClient(S3Settings settings, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder =
                S3Client.builder()
                        .httpClientBuilder(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(CONNECT_TIMEOUT)
                                        .socketTimeout(SOCKET_TIMEOUT))
                        .region(Region.of(settings.region()))
                        .credentialsProvider(credentials)
                        .forcePathStyle(settings.pathStyle())
                        .overrideConfiguration(o -> o.retryStrategy(settings.retry().toStrategy()));
        if (settings.endpoint() != null) {
            // S3-compatible servers differ in which of the SDK's newer default checksums they
            // accept; computing them only where S3 requires them works everywhere.
            builder.endpointOverride(URI.create(settings.endpoint()))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** The bucket this store writes to. */
    public String bucket() {
        return settings.bucket();
    }

    /** Creates the bucket if it does not exist yet (for {@code local} mode and tests). */
    public void ensureBucket() throws IOException {
        try {
            s3.headBucket(HeadBucketRequest.builder().bucket(bucket()).build());
            return;
        } catch (NoSuchBucketException e) {
            // create it below
        } catch (S3Exception e) {
            if (e.statusCode() != NOT_FOUND) {
                throw new IOException("Could not check S3 bucket " + bucket() + ": " + e, e);
            }
        } catch (SdkException e) {
            throw new IOException("Could not check S3 bucket " + bucket() + ": " + e, e);
        }
        try {
            CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucket());
            // Only AWS needs a location outside us-east-1; compatible servers take the default.
            if (settings.endpoint() == null && !Region.US_EAST_1.id().equals(settings.region())) {
                request.createBucketConfiguration(c -> c.locationConstraint(settings.region()));
            }
            s3.createBucket(request.build());
        } catch (BucketAlreadyOwnedByYouException e) {
            // created concurrently by another caller: fine
        } catch (SdkException e) {
            throw new IOException("Could not create S3 bucket " + bucket() + ": " + e, e);
        }
    }

    @Override
    public String put(String key, Path file, String contentType) throws IOException {
        S3Location location = new S3Location(bucket(), key);
        PutObjectRequest.Builder request =
                PutObjectRequest.builder().bucket(location.bucket()).key(location.key());
        if (contentType != null) {
            request.contentType(contentType);
        }
        try {
            s3.putObject(request.build(), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException(
                    "Could not upload " + file + " to " + location.uri() + ": " + e, e);
        }
        return location.uri();
    }

    @Override
    public void get(String uri, Path target) throws IOException {
        S3Location location = S3Location.parse(uri);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Download next to the target and move it into place, so a failed transfer never leaves
        // a truncated file under the target's name.
        Path partial = Files.createTempFile(parent, target.getFileName().toString(), ".part");
        try {
            try (InputStream in =
                    s3.getObject(
                            GetObjectRequest.builder()
                                    .bucket(location.bucket())
                                    .key(location.key())
                                    .build())) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("No object at " + uri);
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                throw new FileNotFoundException("No object at " + uri + ": " + e.getMessage());
            }
            throw new IOException("Could not download " + uri + ": " + e, e);
        } catch (SdkException e) {
            throw new IOException("Could not download " + uri + ": " + e, e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        S3Location location = new S3Location(bucket(), key);
        try {
            // S3 answers 204 whether or not the key exists.
            s3.deleteObject(
                    DeleteObjectRequest.builder()
                            .bucket(location.bucket())
                            .key(location.key())
                            .build());
        } catch (SdkException e) {
            throw new IOException("Could not delete " + location.uri() + ": " + e, e);
        }
    }

    @Override
    public Optional<String> find(String key) throws IOException {
        S3Location location = new S3Location(bucket(), key);
        try {
            s3.headObject(
                    HeadObjectRequest.builder()
                            .bucket(location.bucket())
                            .key(location.key())
                            .build());
            return Optional.of(location.uri());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw new IOException("Could not look up " + location.uri() + ": " + e, e);
        } catch (SdkException e) {
            throw new IOException("Could not look up " + location.uri() + ": " + e, e);
        }
    }

    @Override
    public String uriOf(String key) {
        return new S3Location(bucket(), key).uri();
    }

    @Override
    public void close() {
        s3.close();
        // The client does not close a provider it was given; the default chain may hold threads.
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + settings + "]";
    }
}
