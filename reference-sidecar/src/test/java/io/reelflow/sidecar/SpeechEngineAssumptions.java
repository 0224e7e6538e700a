package io.reelflow.sidecar;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Real-speech tests need espeak-ng: without it they are skipped with the install hint, unless
 * {@value SpeechEngine#REQUIRE_ENV}{@code =1} (CI) makes them fail with it.
 */
final class SpeechEngineAssumptions {

    private SpeechEngineAssumptions() {}

    static void assumeInstalled(SpeechEngine engine) {
        SpeechEngine.Status status = engine.status();
        if (status.available()) {
            return;
        }
        if ("1".equals(System.getenv(SpeechEngine.REQUIRE_ENV))) {
            fail(SpeechEngine.REQUIRE_ENV + "=1 but " + status.problem());
        }
        Assumptions.abort(status.problem());
    }
}
