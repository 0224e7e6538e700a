package io.reelflow.connectors.catalog;

import io.reelflow.connectors.s3.S3Settings;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Lists {@code s3://bucket/prefix} with {@code ListObjectsV2} (all pages), using the endpoint and
 * credentials of {@link S3Settings}; the bucket is taken from each URI. "Folder" marker objects
 * (keys ending in {@code /}) are left out.
 */
public final class S3ObjectLister implements ObjectLister, AutoCloseable {
    private static final String SCHEME = "s3://";

    private final AwsCredentialsProvider credentials;
    private final S3Client s3;

    public S3ObjectLister(S3Settings settings) {
        Objects.requireNonNull(settings, "settings");
        this.credentials =
                settings.hasStaticCredentials()
                        ? StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(
                                        settings.accessKey(), settings.secretKey()))
                        : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder =
                S3Client.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .region(Region.of(settings.region()))
                        .credentialsProvider(credentials)
                        .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
    }

    @Override
    public List<String> list(String uriPrefix) throws IOException {
        if (uriPrefix == null || !uriPrefix.startsWith(SCHEME)) {
            throw new IllegalArgumentException("Not an s3:// prefix: " + uriPrefix);
        }
        String path = uriPrefix.substring(SCHEME.length());
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String prefix = slash < 0 ? "" : path.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("s3:// prefix has no bucket: " + uriPrefix);
        }
        List<String> uris = new ArrayList<>();
        try {
            ListObjectsV2Request request =
                    ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
                if (!object.key().endsWith("/")) {
                    uris.add(SCHEME + bucket + "/" + object.key());
                }
            }
        } catch (SdkException e) {
            throw new IOException("Could not list " + uriPrefix + ": " + e, e);
        }
        return uris;
    }

    @Override
    public void close() {
        s3.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
