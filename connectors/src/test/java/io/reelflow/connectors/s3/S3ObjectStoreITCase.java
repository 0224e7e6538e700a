package io.reelflow.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.embedded.EmbeddedS3Server;
import io.reelflow.operators.port.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link S3ObjectStore} against an embedded S3 API server. */
class S3ObjectStoreITCase {
    private static EmbeddedS3Server server;

    @TempDir Path dir;

    private S3ObjectStore store;

    @BeforeAll
    static void startServer() {
        server = EmbeddedS3Server.start(0, null, "reelflow");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void openStore() {
        store = new S3ObjectStore(settings(server.bucket()));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void shouldPutFindAndGetObject() throws Exception {
        byte[] media = randomBytes(300_000, 1);
        Path file = Files.write(dir.resolve("video.mp4"), media);

        String uri = store.put("videos/run-1/req-1.mp4", file, "video/mp4");
        Path downloaded = dir.resolve("downloads/copy.mp4");
        store.get(uri, downloaded);

        assertThat(uri).isEqualTo("s3://reelflow/videos/run-1/req-1.mp4");
        assertThat(store.find("videos/run-1/req-1.mp4")).contains(uri);
        assertThat(downloaded).hasBinaryContent(media);
        assertThat(dir.resolve("downloads")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void shouldOverwriteObjectUnderSameKey() throws Exception {
        String uri =
                store.put(
                        "clips/abc.mp4",
                        Files.write(dir.resolve("a"), randomBytes(10, 2)),
                        "video/mp4");
        byte[] second = randomBytes(20, 3);
        store.put("clips/abc.mp4", Files.write(dir.resolve("b"), second), "video/mp4");

        Path downloaded = dir.resolve("got.mp4");
        Files.writeString(downloaded, "stale");
        store.get(uri, downloaded);

        assertThat(downloaded).hasBinaryContent(second);
    }

    @Test
    void shouldFindNothingForMissingKey() throws Exception {
        assertThat(store.find("clips/never-generated.mp4")).isEmpty();
        assertThat(store.uriOf("clips/never-generated.mp4"))
                .isEqualTo("s3://reelflow/clips/never-generated.mp4");
    }

    @Test
    void shouldDeleteAnObjectAndAcceptAMissingKey() throws Exception {
        store.put(
                "thumbnails/run-1/req-9.jpg",
                Files.write(dir.resolve("t"), randomBytes(10, 4)),
                "image/jpeg");

        store.delete("thumbnails/run-1/req-9.jpg");
        store.delete("thumbnails/run-1/req-9.jpg");

        assertThat(store.find("thumbnails/run-1/req-9.jpg")).isEmpty();
    }

    @Test
    void shouldFailGetOfMissingObjectWithoutLeavingFile() {
        Path target = dir.resolve("missing.mp4");

        assertThatThrownBy(() -> store.get("s3://reelflow/nothing/here.mp4", target))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("s3://reelflow/nothing/here.mp4");
        assertThat(target).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void shouldCreateMissingBucketOnceAndAcceptRepeatedCalls() throws Exception {
        try (S3ObjectStore other = new S3ObjectStore(settings("reelflow-extra"))) {
            other.ensureBucket();
            other.ensureBucket();

            String uri =
                    other.put("a.txt", Files.writeString(dir.resolve("a.txt"), "hi"), "text/plain");

            assertThat(other.find("a.txt")).contains(uri);
        }
    }

    @Test
    void shouldReportUnreachableServerAsIOException() throws Exception {
        S3Settings unreachable =
                new S3Settings("http://127.0.0.1:1", "us-east-1", "reelflow", "ak", "sk", true);
        try (S3ObjectStore broken = new S3ObjectStore(unreachable)) {
            assertThatThrownBy(() -> broken.find("x")).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void shouldShipFactoryWithTheJobGraph() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(S3ObjectStore.factory(settings(server.bucket())));
        }
        io.reelflow.operators.port.ObjectStoreFactory factory;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            factory = (io.reelflow.operators.port.ObjectStoreFactory) in.readObject();
        }

        try (ObjectStore shipped = factory.create()) {
            String uri = shipped.put("k.bin", Files.write(dir.resolve("k"), new byte[] {7}), null);
            assertThat(store.find("k.bin")).contains(uri);
        }
    }

    private static S3Settings settings(String bucket) {
        return new S3Settings(
                server.endpoint().toString(),
                server.region(),
                bucket,
                server.accessKey(),
                server.secretKey(),
                true);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
