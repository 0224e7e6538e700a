package io.reelflow.operators.generation;

import static io.reelflow.operators.generation.GenerationTestBed.POLL;
import static io.reelflow.operators.generation.GenerationTestBed.config;
import static io.reelflow.operators.generation.GenerationTestBed.endpoint;
import static io.reelflow.operators.generation.GenerationTestBed.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.ControlAction;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link GenerateClipFunction}. */
class GenerateClipFunctionTest {
    private static final GenerationConfig CONFIG =
            config(List.of(video("wan", "gpu-0").build()), endpoint("gpu-0", 1)).build();

    @TempDir Path tmp;

    private GenerationTestBed bed;
    private GenerateClipFunction function;
    private GenerationRuntime runtime;

    @BeforeEach
    void open() {
        bed = new GenerationTestBed(tmp.resolve("store"));
        GenerationClientFactory unused =
                endpoint -> {
                    throw new AssertionError("the test's runtime has its clients");
                };
        function =
                new GenerateClipFunction(
                        unused, InMemoryJobRegistry.sharedFactory(), () -> bed.store, CONFIG);
        function.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        runtime = bed.runtime(CONFIG);
        function.open(runtime);
    }

    @AfterEach
    void close() {
        function.close();
    }

    @Test
    void shouldCompleteEachSceneWithExactlyOneClip() {
        Recorder result = new Recorder();

        function.asyncInvoke(
                GenerateClipFunction.scene(Fixtures.task(Fixtures.plan("r1", 1), 0)), result);
        bed.scheduler.runUntilDone(result.clips);

        assertThat(result.clips.join())
                .singleElement()
                .satisfies(clip -> assertThat(clip.getSource()).isEqualTo(ClipSource.GENERATED));
        assertThat(result.completions).isOne();
    }

    @Test
    void shouldCancelTheWorkAndStandInATitleCardOnTimeout() {
        bed.server("gpu-0").neverFinish = true;
        SceneTask task = Fixtures.task(Fixtures.plan("r1", 1), 0);
        Recorder result = new Recorder();
        function.asyncInvoke(GenerateClipFunction.scene(task), result);
        bed.scheduler.advance(POLL.multipliedBy(2));

        function.timeout(GenerateClipFunction.scene(task), result);

        assertThat(result.clips.join())
                .singleElement()
                .satisfies(
                        clip -> {
                            assertThat(clip.getSource()).isEqualTo(ClipSource.TITLE_CARD);
                            assertThat(clip.getNote()).contains("generation timed out after");
                        });
        assertThat(result.completions).isOne();
        assertThat(bed.server("gpu-0").cancelled).containsExactly("gpu-0-job-1");
        assertThat(bed.registry.size()).isZero();
    }

    @Test
    void shouldCancelTheScenesOfACancelledRequestAndTheirJobsOnly() {
        bed.server("gpu-0").neverFinish = true;
        Recorder cancelled = new Recorder();
        Recorder other = new Recorder();
        function.asyncInvoke(
                GenerateClipFunction.scene(Fixtures.task(Fixtures.plan("r1", 1), 0)), cancelled);
        function.asyncInvoke(
                // Another prompt: identical scenes share one job, which a cancel must not take
                // from the other request.
                GenerateClipFunction.scene(Fixtures.task(Fixtures.plan("r2", 2), 1)), other);
        bed.scheduler.advance(POLL.multipliedBy(2));
        assertThat(bed.submissions()).as("one slot: r1 runs, r2 waits").isOne();

        Recorder command = new Recorder();
        function.asyncInvoke(
                GenerateClipFunction.cancel(
                        ControlCommand.newBuilder()
                                .setRequestId("r1")
                                .setAction(ControlAction.CANCEL)
                                .setReason("wrong text")
                                .setIssuedAtMillis(0)
                                .setIssuedBy("alice")
                                .build()),
                command);
        bed.scheduler.advance(POLL.multipliedBy(2));

        assertThat(command.clips.join()).as("a command yields no clip").isEmpty();
        assertThat(cancelled.clips.join())
                .singleElement()
                .satisfies(
                        clip -> {
                            assertThat(clip.getSource()).isEqualTo(ClipSource.TITLE_CARD);
                            assertThat(clip.getNote()).contains("cancelled by alice", "wrong text");
                        });
        assertThat(bed.server("gpu-0").cancelled)
                .as("r1's job only")
                .containsExactly("gpu-0-job-1");
        assertThat(other.clips).as("r2 still generating").isNotDone();
        assertThat(bed.submissions()).as("r2 took the freed slot").isEqualTo(2);
    }

    @Test
    void shouldLeaveTheJobsRunningAndRegisteredWhenClosedForAFailover() {
        bed.server("gpu-0").neverFinish = true;
        ScenePlan plan = Fixtures.plan("r1", 3);
        for (int scene = 0; scene < 3; scene++) {
            function.asyncInvoke(
                    GenerateClipFunction.scene(Fixtures.task(plan, scene)), new Recorder());
        }
        bed.scheduler.advance(POLL.multipliedBy(2));
        assertThat(bed.submissions()).as("one slot: one job, two scenes waiting").isOne();

        function.close();
        runtime.close(); // the task manager's last task is gone
        bed.scheduler.advance(POLL.multipliedBy(3));

        assertThat(bed.server("gpu-0").cancelled).as("paid work is not cancelled").isEmpty();
        assertThat(bed.registry.size()).as("registered for the restored task").isOne();
        assertThat(bed.submissions()).as("no waiting scene was submitted after the close").isOne();
    }

    /** A result future that remembers its clips and how often it was completed. */
    private static final class Recorder implements ResultFuture<SceneClip> {
        final CompletableFuture<List<SceneClip>> clips = new CompletableFuture<>();
        int completions;

        @Override
        public synchronized void complete(Collection<SceneClip> result) {
            completions++;
            clips.complete(new ArrayList<>(result));
        }

        @Override
        public void completeExceptionally(Throwable error) {
            clips.completeExceptionally(error);
        }

        @Override
        public void complete(CollectionSupplier<SceneClip> supplier) {
            try {
                complete(supplier.get());
            } catch (Exception e) {
                completeExceptionally(e);
            }
        }
    }
}
