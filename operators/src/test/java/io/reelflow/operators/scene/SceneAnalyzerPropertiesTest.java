package io.reelflow.operators.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.schemas.Scene;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tests for {@link SceneAnalyzer}. Properties (jqwik): any text (control characters, unpaired
 * surrogates, Markdown, mixed scripts) and any duration give exact, contiguous scene and subtitle
 * timings.
 */
class SceneAnalyzerPropertiesTest {

    private static final SceneAnalyzer ANALYZER = new SceneAnalyzer(SceneAnalyzerConfig.defaults());
    private static final SubtitleCues SUBTITLES = new SubtitleCues(SubtitleConfig.defaults());
    private static final List<String> LANGUAGES =
            List.of("en", "de", "ru", "zh", "ja", "ar", "hi", "th", "und", "xx-YY");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(400);
        Arbitrary<String> words =
                Arbitraries.of(
                                "The drone rises. ",
                                "無人機が飛ぶ。",
                                "Дрон летит! ",
                                "طائرة تحلق؟ ",
                                "# Title\n",
                                "- item\n",
                                "**bold** ",
                                "https://example.com/x ",
                                "\"Quote,\" he said. ",
                                "😀🎬\n",
                                "\u0000\u0007",
                                "\uD800",
                                "\uDC00x",
                                "\n\n",
                                "```\ncode\n```\n",
                                "| a | b |\n",
                                "।",
                                "。",
                                " ")
                        .list()
                        .ofMaxSize(60)
                        .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(
                anyChars, words, Combinators.combine(words, anyChars).as(String::concat));
    }

    @Provide
    Arbitrary<Double> durations() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(0.001, 3600.0).ofScale(4),
                Arbitraries.of(0.001, 0.5, 1.0, 7.0 / 3.0, 30.0, 59.999, 1e6));
    }

    @Property(tries = 300)
    void shouldTimeScenesExactlyForAnyText(
            @ForAll("texts") String text,
            @ForAll("durations") double duration,
            @ForAll("languages") String language) {
        List<Scene> scenes = ANALYZER.analyze(text, language, duration);

        assertThat(scenes).isNotEmpty();
        assertThat(scenes.get(0).getStartSeconds()).isEqualTo(0.0);
        for (int i = 0; i < scenes.size(); i++) {
            Scene scene = scenes.get(i);
            assertThat(scene.getIndex()).isEqualTo(i);
            assertThat(scene.getEndSeconds()).isGreaterThan(scene.getStartSeconds());
            if (i > 0) {
                assertThat(scene.getStartSeconds()).isEqualTo(scenes.get(i - 1).getEndSeconds());
            }
        }
        assertThat(scenes.get(scenes.size() - 1).getEndSeconds()).isEqualTo(duration);
        assertThat(ANALYZER.readingSeconds(text, language)).isFinite().isNotNegative();

        List<SubtitleCue> cues = SUBTITLES.cues(scenes, language);
        for (SubtitleCue cue : cues) {
            assertThat(cue.startSeconds()).isGreaterThanOrEqualTo(0.0);
            assertThat(cue.endSeconds())
                    .isLessThanOrEqualTo(duration)
                    .isGreaterThan(cue.startSeconds());
        }
        assertThat(SUBTITLES.toSrt(cues)).isNotNull();
        assertThat(SUBTITLES.toWebVtt(cues)).startsWith("WEBVTT");
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of(LANGUAGES);
    }

    @Example
    void shouldHandleOneMegabyteOfMixedMessyText() {
        StringBuilder text = new StringBuilder();
        String[] parts = {
            "## Scene\n",
            "The drone rises over the harbour at dawn. ",
            "无人机在日出时飞越古老的港口。",
            "Дрон поднимается над гаванью. ",
            "😀 https://example.com/a?b=c ",
            "\uD800\u0001",
            "\n- list item\n"
        };
        for (int i = 0; text.length() < 1_000_000; i++) {
            text.append(parts[i % parts.length]);
        }

        List<Scene> scenes = ANALYZER.analyze(text.toString(), "en", 600.0);

        assertThat(scenes).hasSizeBetween(1, SceneAnalyzerConfig.DEFAULT_MAX_SCENES);
        assertThat(scenes.get(scenes.size() - 1).getEndSeconds()).isEqualTo(600.0);
        assertThat(SUBTITLES.cues(scenes, "en")).isNotEmpty();
    }

    @Example
    void shouldHandleEmptyAndNullText() {
        assertThat(ANALYZER.analyze("", "en", 5.0)).hasSize(1);
        assertThat(ANALYZER.analyze(null, null, 5.0).get(0).getEndSeconds()).isEqualTo(5.0);
        assertThat(ANALYZER.readingSeconds(null, "en")).isZero();
        // an Arabic tatweel alone light-stems to nothing (found by the property above)
        assertThat(ANALYZER.analyze("ـ ـ", "en", 2.0)).hasSize(1);
    }
}
