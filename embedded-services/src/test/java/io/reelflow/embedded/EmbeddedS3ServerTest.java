package io.reelflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Tests for {@link EmbeddedS3Server}. */
class EmbeddedS3ServerTest {

    @Test
    void shouldPutGetAndListObjectsThroughTheAwsSdk() {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(0, null, "reelflow");
                S3Client s3 = client(server)) {
            byte[] video = {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3};
            s3.putObject(
                    request -> request.bucket("reelflow").key("videos/run-1/r-1.mp4"),
                    RequestBody.fromBytes(video));
            s3.putObject(
                    request -> request.bucket("reelflow").key("thumbnails/run-1/r-1.jpg"),
                    RequestBody.fromString("jpeg"));

            byte[] read =
                    s3.getObjectAsBytes(
                                    request ->
                                            request.bucket("reelflow").key("videos/run-1/r-1.mp4"))
                            .asByteArray();
            var listed =
                    s3.listObjectsV2(request -> request.bucket("reelflow").prefix("videos/"))
                            .contents();

            assertThat(read).isEqualTo(video);
            assertThat(listed).extracting(S3Object::key).containsExactly("videos/run-1/r-1.mp4");
            assertThat(listed.get(0).size()).isEqualTo(video.length);
        }
    }

    @Test
    void shouldCreateTheBucketOnStart() {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(0, null, "made-at-start");
                S3Client s3 = client(server)) {
            assertThat(s3.listBuckets().buckets())
                    .extracting(bucket -> bucket.name())
                    .contains("made-at-start");
        }
    }

    @Test
    void shouldRejectRequestsSignedWithOtherKeys() {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(0, null, "reelflow");
                S3Client stranger =
                        TestClients.s3(
                                server.endpoint().toString(),
                                server.accessKey(),
                                "not-" + server.secretKey())) {
            assertThatThrownBy(() -> stranger.listObjectsV2(request -> request.bucket("reelflow")))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void shouldGenerateNewKeysForEveryServer() {
        try (EmbeddedS3Server first = EmbeddedS3Server.start(0, null, "reelflow");
                EmbeddedS3Server second = EmbeddedS3Server.start(0, null, "reelflow")) {
            assertThat(first.accessKey()).isNotEqualTo(second.accessKey());
            assertThat(first.secretKey()).isNotEqualTo(second.secretKey()).hasSize(40);
            assertThat(first.port()).isNotEqualTo(second.port());
        }
    }

    @Test
    void shouldKeepObjectsInDataDirectoryAcrossRestart(@TempDir Path data) {
        try (EmbeddedS3Server first = EmbeddedS3Server.start(0, data, "reelflow");
                S3Client s3 = client(first)) {
            s3.putObject(
                    request -> request.bucket("reelflow").key("clips/abc.mp4"),
                    RequestBody.fromString("clip bytes"));
        }

        try (EmbeddedS3Server second = EmbeddedS3Server.start(0, data, "reelflow");
                S3Client s3 = client(second)) {
            String read =
                    s3.getObjectAsBytes(request -> request.bucket("reelflow").key("clips/abc.mp4"))
                            .asString(StandardCharsets.UTF_8);
            assertThat(read).isEqualTo("clip bytes");
        }
        assertThat(data.resolve("reelflow")).isDirectory();
    }

    @Test
    void shouldStopItsJettyThreadsOnClose() throws Exception {
        Set<Long> before = TestClients.nonDaemonThreadIds();
        EmbeddedS3Server server = EmbeddedS3Server.start(0, null, "reelflow");
        try (S3Client s3 = client(server)) {
            s3.listBuckets();
        }

        server.close();

        assertThat(TestClients.nonDaemonThreadsLeftSince(before)).isEmpty();
    }

    private static S3Client client(EmbeddedS3Server server) {
        return TestClients.s3(server.endpoint().toString(), server.accessKey(), server.secretKey());
    }
}
