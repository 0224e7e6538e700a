package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.schemas.CameraMove;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link KenBurns}. */
class KenBurnsTest {

    @Test
    void shouldZoomInByDefaultAndHarderForACloseUp() {
        KenBurns plain = KenBurns.forCues(List.of(), 7);
        KenBurns closeUp = KenBurns.forCues(List.of(CameraMove.CLOSE_UP), 7);

        assertThat(plain.endZoom()).isGreaterThan(plain.startZoom());
        assertThat(closeUp.endZoom()).isGreaterThan(plain.endZoom());
    }

    @Test
    void shouldZoomOutForWideAndAerialShots() {
        for (CameraMove cue : List.of(CameraMove.WIDE, CameraMove.AERIAL)) {
            KenBurns move = KenBurns.forCues(List.of(cue), 3);
            assertThat(move.endZoom()).as(cue.name()).isLessThan(move.startZoom());
        }
    }

    @Test
    void shouldPanSidewaysAtConstantZoomForPanAndTracking() {
        for (CameraMove cue : List.of(CameraMove.PAN, CameraMove.TRACKING)) {
            KenBurns move = KenBurns.forCues(List.of(cue), 11);
            assertThat(move.startZoom()).isEqualTo(move.endZoom());
            assertThat(Math.abs(move.endX() - move.startX())).as(cue.name()).isGreaterThan(0.1);
            assertThat(move.endY()).isEqualTo(move.startY());
        }
    }

    @Test
    void shouldRepeatForTheSameSeedAndVaryBetweenSeeds() {
        assertThat(KenBurns.forCues(List.of(), KenBurns.seed("req", 2)))
                .isEqualTo(KenBurns.forCues(List.of(), KenBurns.seed("req", 2)));
        assertThat(KenBurns.forCues(List.of(), KenBurns.seed("req", 2)))
                .isNotEqualTo(KenBurns.forCues(List.of(), KenBurns.seed("req", 3)));
    }

    @Test
    void shouldKeepTheWindowInsideThePicture() {
        KenBurns move = new KenBurns(1.0, 1.5, 0.0, 1.0, 1.0, 0.0);
        for (double progress = 0; progress <= 1; progress += 0.1) {
            KenBurns.Window window = move.window(progress, 1000, 500);
            assertThat(window.left()).isGreaterThanOrEqualTo(-1e-9);
            assertThat(window.top()).isGreaterThanOrEqualTo(-1e-9);
            assertThat(window.left() + window.width()).isLessThanOrEqualTo(1000 + 1e-9);
            assertThat(window.top() + window.height()).isLessThanOrEqualTo(500 + 1e-9);
        }
        assertThat(move.window(1, 1000, 500).width()).isCloseTo(1000 / 1.5, within(1e-9));
    }
}
