package io.reelflow.operators.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link FfmpegLogging}. */
class FfmpegLoggingTest {

    private final Recording recording = new Recording();
    private Logger logger;
    private Level previousLevel;

    @BeforeEach
    void recordTheFfmpegLogger() {
        logger = (Logger) LogManager.getLogger(FfmpegLogging.class);
        previousLevel = logger.getLevel();
        Configurator.setLevel(logger.getName(), Level.DEBUG);
        recording.start();
        logger.addAppender(recording);
        FfmpegLogging.install();
    }

    @AfterEach
    void stopRecording() {
        logger.removeAppender(recording);
        recording.stop();
        Configurator.setLevel(logger.getName(), previousLevel);
    }

    @Test
    void shouldSendFfmpegLinesToSlf4jAtDebug() {
        av_log(null, AV_LOG_ERROR, "reelflow test: an FFmpeg error line\n");

        assertThat(recording.events)
                .filteredOn(event -> event.getMessage().getFormattedMessage().contains("reelflow"))
                .singleElement()
                .satisfies(
                        event -> {
                            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
                            // FFmpeg's line ending is dropped, the logger adds its own.
                            assertThat(event.getMessage().getFormattedMessage())
                                    .isEqualTo("reelflow test: an FFmpeg error line");
                        });
    }

    @Test
    void shouldCaptureOnlyErrorsLoggedOnTheCallingThread() throws Exception {
        List<String> errors = new ArrayList<>();

        int result =
                FfmpegLogging.capturingErrors(
                        () -> {
                            av_log(null, AV_LOG_ERROR, "[h264_nvenc @ 0x1] first failure\n");
                            av_log(null, AV_LOG_WARNING, "only a warning\n");
                            Thread other =
                                    new Thread(
                                            () ->
                                                    av_log(
                                                            (Pointer) null,
                                                            AV_LOG_ERROR,
                                                            "another thread's failure\n"));
                            other.start();
                            try {
                                other.join();
                            } catch (InterruptedException e) {
                                throw new AssertionError(e);
                            }
                            return 42;
                        },
                        errors);

        assertThat(result).isEqualTo(42);
        assertThat(errors).containsExactly("first failure");
    }

    @Test
    void shouldStripFfmpegsContextPrefix() {
        assertThat(FfmpegLogging.withoutContext("[h264_nvenc @ 0x7f78] Cannot load libcuda.so.1"))
                .isEqualTo("Cannot load libcuda.so.1");
        assertThat(FfmpegLogging.withoutContext("no prefix [here]")).isEqualTo("no prefix [here]");
    }

    /** Keeps the events of the logger it is added to. */
    private static final class Recording extends AbstractAppender {
        final List<LogEvent> events = new CopyOnWriteArrayList<>();

        Recording() {
            super("recording", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    }
}
