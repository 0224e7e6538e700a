package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.TestMedia;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link EncodingQueue}. */
class EncodingQueueTest {

    @TempDir Path temp;

    @Test
    void shouldEncodeEveryFrameInOrderWithABoundedNumberOfCanvases() throws IOException {
        Path file = temp.resolve("out.mp4");
        try (VideoWriter writer =
                        VideoWriter.open(
                                file, 64, 36, 25, RenderConfig.defaults(), List.of("libx264"));
                EncodingQueue queue = new EncodingQueue(writer, 64, 36, 3)) {
            for (int i = 0; i < 200; i++) {
                Canvas canvas = queue.acquire();
                // Brightness encodes the frame number, to check the order afterwards.
                java.util.Arrays.fill(canvas.data(), 0, 64 * 36, (byte) (16 + i));
                java.util.Arrays.fill(canvas.data(), 64 * 36, canvas.data().length, (byte) 128);
                queue.submit(canvas);
            }
            queue.finish();
            writer.finish();

            assertThat(queue.canvasesAllocated()).isLessThanOrEqualTo(3);
            assertThat(writer.framesWritten()).isEqualTo(200);
        }
        var frames = TestMedia.decodeFrames(file);
        assertThat(frames).hasSize(200);
        int early = frames.get(10).getRGB(32, 18) & 0xff;
        int late = frames.get(190).getRGB(32, 18) & 0xff;
        assertThat(late).isGreaterThan(early + 100);
    }
}
