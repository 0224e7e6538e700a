package io.reelflow.embedded;

import io.reelflow.embedded.internal.Directories;
import io.reelflow.embedded.internal.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3 API server in this JVM (S3Proxy) on loopback, with AWS v2/v4 signatures checked against a
 * key pair generated at start. Objects live in memory, or in a directory when one is given.
 *
 * <p>S3Proxy serves requests on non-daemon Jetty threads: always {@link #close()} it (try-with-
 * resources), or the JVM does not exit.
 *
 * <pre>{@code
 * try (EmbeddedS3Server s3 = EmbeddedS3Server.start(0, null, "reelflow")) {
 *     URI endpoint = s3.endpoint();
 * }
 * }</pre>
 */
public final class EmbeddedS3Server implements AutoCloseable {

    /** The region clients should sign for; S3Proxy accepts any, the SDK needs one. */
    public static final String REGION = "us-east-1";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Server.class);
    private static final String HOST = "127.0.0.1";

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final String accessKey;
    private final String secretKey;
    private final String bucket;
    private final int port;
    private boolean closed;

    private EmbeddedS3Server(
            S3Proxy proxy,
            BlobStore blobStore,
            String accessKey,
            String secretKey,
            String bucket,
            int port) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.bucket = bucket;
        this.port = port;
    }

    /**
     * Starts a server and creates {@code bucket} unless it exists.
     *
     * @param port server port, 0 for a free one
     * @param dataDirectory where objects are kept across runs (one sub-directory per bucket), or
     *     {@code null} to keep them in memory until close
     */
    public static EmbeddedS3Server start(int port, Path dataDirectory, String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        BlobStore blobStore;
        if (dataDirectory == null) {
            blobStore = new TransientNio2BlobStore();
        } else {
            try {
                Path base = Directories.ensure(dataDirectory).toAbsolutePath();
                blobStore = new FilesystemNio2BlobStore(base.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dataDirectory, e);
            }
        }
        String accessKey = Secrets.accessKey();
        String secretKey = Secrets.secretKey();
        S3Proxy proxy =
                S3Proxy.builder()
                        .blobStore(blobStore)
                        .endpoint(URI.create("http://" + HOST + ":" + port))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                        // The AWS SDK sends headers (checksums, SDK hints) S3Proxy does not know.
                        .ignoreUnknownHeaders(true)
                        // No graceful stop: it would wait for clients' idle keep-alive connections.
                        .stopTimeout(0)
                        .build();
        try {
            if (!blobStore.containerExists(bucket)) {
                blobStore.createContainer(bucket);
            }
            proxy.start();
        } catch (Exception e) {
            stopQuietly(proxy);
            closeQuietly(blobStore);
            throw new IllegalStateException("S3 server did not start on port " + port, e);
        }
        EmbeddedS3Server server =
                new EmbeddedS3Server(
                        proxy, blobStore, accessKey, secretKey, bucket, proxy.getPort());
        LOG.info(
                "S3 API ready at {} (bucket {}, {})",
                server.endpoint(),
                bucket,
                dataDirectory == null ? "in memory" : "data in " + dataDirectory);
        return server;
    }

    /** Base URI for path-style requests, for example {@code http://127.0.0.1:9000}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    public String region() {
        return REGION;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The bucket created at start. */
    public String bucket() {
        return bucket;
    }

    /** Stops the server and its Jetty threads; objects in memory are gone afterwards. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(proxy);
        closeQuietly(blobStore);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("S3 server did not stop cleanly", e);
        }
    }

    private static void closeQuietly(BlobStore blobStore) {
        try {
            blobStore.close();
        } catch (RuntimeException e) {
            LOG.warn("Could not close the S3 blob store", e);
        }
    }
}
