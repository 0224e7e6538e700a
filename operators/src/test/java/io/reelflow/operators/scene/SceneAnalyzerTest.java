package io.reelflow.operators.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link SceneAnalyzer}. */
class SceneAnalyzerTest {

    private static final SceneAnalyzer ANALYZER = new SceneAnalyzer(SceneAnalyzerConfig.defaults());

    static Stream<Arguments> sentencesPerLanguage() {
        return Stream.of(
                Arguments.of(
                        "en",
                        List.of(
                                "Mr. Smith walks along the river.",
                                "The water is cold!",
                                "Is it spring yet?")),
                Arguments.of(
                        "de",
                        List.of(
                                "Die Sonne geht über den Alpen unter.",
                                "Eine Drohne zeigt den See.",
                                "Ist es schon Abend?")),
                Arguments.of(
                        "ru",
                        List.of("Солнце садится за горы.", "Озеро спокойно!", "Ты видишь свет?")),
                Arguments.of("zh", List.of("太阳落在山后。", "湖面很平静！", "你看到了吗？")),
                Arguments.of("ja", List.of("太陽が山に沈みます。", "湖は静かです！", "見えますか？")),
                Arguments.of(
                        "ar", List.of("تغرب الشمس خلف الجبال.", "البحيرة هادئة!", "هل ترى الضوء؟")),
                Arguments.of(
                        "hi",
                        List.of(
                                "सूरज पहाड़ों के पीछे डूब रहा है।",
                                "झील शांत है।",
                                "क्या तुम देखते हो?")),
                Arguments.of(
                        "es",
                        List.of(
                                "El sol se pone detrás de las montañas.",
                                "¡El lago está tranquilo!",
                                "¿Ves la luz?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentencesPerLanguage")
    void shouldMakeOneScenePerSentenceWhenDurationAllows(String language, List<String> sentences) {
        String text = String.join(language.matches("zh|ja") ? "" : " ", sentences);

        List<Scene> scenes = ANALYZER.analyze(text, language, 15.0);

        assertThat(scenes).extracting(Scene::getText).containsExactlyElementsOf(sentences);
        assertTimeline(scenes, 15.0);
    }

    @Test
    void shouldSplitChineseWithoutSpacesAtSentenceMarks() {
        List<Scene> scenes = ANALYZER.analyze("山很高。水很深！你去吗？我去。", "zh", 20.0);

        assertThat(scenes)
                .extracting(Scene::getText)
                .containsExactly("山很高。", "水很深！", "你去吗？", "我去。");
    }

    @Test
    void shouldGroupSentencesIntoScenesOfAboutTargetLength() {
        String text = "The river flows past old stone houses. ".repeat(24);

        List<Scene> scenes = ANALYZER.analyze(text, "en", 60.0);

        assertThat(scenes).hasSize(12);
        assertThat(scenes)
                .allSatisfy(
                        scene ->
                                assertThat(scene.getEndSeconds() - scene.getStartSeconds())
                                        .isBetween(4.9, 5.1));
        assertTimeline(scenes, 60.0);
    }

    @Test
    void shouldKeepScenesWithinMinAndMaxLengthForOrdinaryText() {
        String text = randomText(new Random(7), 40);

        for (double target = 10.0; target <= 120.0; target += 10.0) {
            List<Scene> scenes = ANALYZER.analyze(text, "en", target);

            assertThat(scenes)
                    .allSatisfy(
                            scene ->
                                    assertThat(scene.getEndSeconds() - scene.getStartSeconds())
                                            .isBetween(1.5, 12.0));
        }
    }

    @Test
    void shouldSplitLongSentenceAtClausesToRespectMaxSceneLength() {
        String text =
                "The caravan crossed the dunes at dawn, the camels walked slowly in a long line,"
                        + " the wind carried fine sand over the ridges, the guides sang old songs,"
                        + " the children slept on the swaying saddles, and far away the first"
                        + " palms of the oasis rose from the haze.";

        List<Scene> scenes = ANALYZER.analyze(text, "en", 30.0);

        assertThat(scenes).hasSizeGreaterThan(2);
        assertThat(scenes)
                .allSatisfy(
                        scene ->
                                assertThat(scene.getEndSeconds() - scene.getStartSeconds())
                                        .isLessThanOrEqualTo(12.0));
        assertThat(scenes.get(0).getText()).endsWith(",");
        assertTimeline(scenes, 30.0);
    }

    @Test
    void shouldLetTargetDurationWinWhenTextIsShort() {
        List<Scene> scenes = ANALYZER.analyze("A cat sleeps.", "en", 45.0);

        assertThat(scenes).singleElement().extracting(Scene::getText).isEqualTo("A cat sleeps.");
        assertTimeline(scenes, 45.0);
    }

    @Test
    void shouldMakeDurationsAddUpExactlyForManyTargetsAndTexts() {
        Random random = new Random(42);
        for (double target = 3.0; target <= 120.0; target += 0.37) {
            String text = randomText(random, 1 + random.nextInt(30));

            List<Scene> scenes = ANALYZER.analyze(text, "en", target);

            assertTimeline(scenes, target);
        }
    }

    @Test
    void shouldMakeDurationsAddUpExactlyForAwkwardTargets() {
        String text = randomText(new Random(3), 12);
        for (double target : new double[] {0.001, 0.1, 1.0 / 3.0, 2.9999999, 7.123456789, 1e6}) {
            assertTimeline(ANALYZER.analyze(text, "en", target), target);
        }
    }

    @Test
    void shouldNeverExceedMaxScenes() {
        SceneAnalyzer analyzer = new SceneAnalyzer(SceneAnalyzerConfig.defaults().withMaxScenes(7));

        List<Scene> scenes = analyzer.analyze(randomText(new Random(1), 200), "en", 600.0);

        assertThat(scenes).hasSize(7);
        assertTimeline(scenes, 600.0);
    }

    @Test
    void shouldStripMarkdownUrlsAndEmojiFromSceneText() {
        String text =
                "# The Harbour\n\n"
                        + "Boats **rock** gently in [the harbour](https://example.com/harbour).\n"
                        + "See https://example.com/more for details.\n\n"
                        + "🚤🌊\n\n"
                        + "```\ncode();\n```\n"
                        + "- Gulls _circle_ above 🐦 the masts.";

        List<Scene> scenes = ANALYZER.analyze(text, "en", 20.0);

        String spoken = String.join(" ", scenes.stream().map(Scene::getText).toList());
        assertThat(spoken)
                .contains("The Harbour", "Boats rock gently in the harbour.", "Gulls circle above")
                .doesNotContain("#", "*", "_", "http", "](", "🚤", "🐦", "code()", "- ");
    }

    @Test
    void shouldExtractKeywordsWithoutStopwords() {
        List<Scene> scenes =
                ANALYZER.analyze(
                        "The lighthouse and the lighthouse keeper watch the stormy sea. The"
                                + " lighthouse shines.",
                        "en",
                        5.0);

        assertThat(scenes.get(0).getKeywords())
                .startsWith("lighthouse")
                .contains("keeper", "sea")
                .doesNotContain("the", "and")
                .hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void shouldExtractGermanKeywordsWithoutGermanStopwords() {
        List<Scene> scenes = ANALYZER.analyze("Der Fischer und die Möwe sind am Hafen.", "de", 5.0);

        assertThat(scenes.get(0).getKeywords())
                .contains("fischer", "möwe", "hafen")
                .doesNotContain("der", "und", "die", "sind", "am");
    }

    @Test
    void shouldFindNamesButNotSentenceInitialStopwords() {
        List<Scene> scenes =
                ANALYZER.analyze(
                        "The boat crosses Lake Geneva towards Rio de Janeiro. Mountains rise.",
                        "en",
                        5.0);

        assertThat(scenes.get(0).getEntities())
                .containsExactly("Lake Geneva", "Rio de Janeiro")
                .doesNotContain("The", "Mountains");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cues")
    void shouldDetectCameraTimeAndMoodCues(
            String language, String text, String camera, String time, String mood) {
        Scene scene = ANALYZER.analyze(text, language, 5.0).get(0);

        assertThat(scene.getCameraMoves()).contains(Vocabulary.cameraMove(camera));
        assertThat(scene.getTimeCues()).contains(time);
        assertThat(scene.getSceneMood()).isEqualTo(Vocabulary.mood(mood));
        assertThat(scene.getPrompt())
                .startsWith("A")
                .contains(camera.replace(' ', '-'), mood + " mood")
                .endsWith(".");
    }

    static Stream<Arguments> cues() {
        return Stream.of(
                Arguments.of(
                        "en",
                        "A drone shot from above shows the calm lake at sunset.",
                        "aerial",
                        "sunset",
                        "calm"),
                Arguments.of(
                        "en",
                        "In slow motion, a close-up of the children laughing happily in summer.",
                        "slow motion",
                        "summer",
                        "joyful"),
                Arguments.of(
                        "en",
                        "A time-lapse of the storm at night, full of danger.",
                        "time-lapse",
                        "night",
                        "tense"),
                Arguments.of(
                        "de",
                        "Eine Luftaufnahme zeigt den ruhigen See bei Sonnenuntergang.",
                        "aerial",
                        "sunset",
                        "calm"),
                Arguments.of(
                        "de",
                        "In Zeitlupe weint das Mädchen im Winter traurig am Fenster.",
                        "slow motion",
                        "winter",
                        "sad"),
                Arguments.of(
                        "es",
                        "Un primer plano de los niños felices al amanecer.",
                        "close-up",
                        "dawn",
                        "joyful"),
                Arguments.of(
                        "es",
                        "Vista aérea de la tormenta por la noche, llena de peligro.",
                        "aerial",
                        "night",
                        "tense"),
                Arguments.of(
                        "fr",
                        "Un gros plan du lac paisible au coucher du soleil.",
                        "close-up",
                        "sunset",
                        "calm"),
                Arguments.of(
                        "fr",
                        "Un plan large de la ville triste en hiver, sous la pluie.",
                        "wide",
                        "winter",
                        "sad"));
    }

    @Test
    void shouldBuildPromptFromCuesEntitiesAndKeywords() {
        Scene scene =
                ANALYZER.analyze(
                                "An aerial view of the mountains around Lake Geneva, calm and"
                                        + " quiet at sunset.",
                                "en",
                                6.0)
                        .get(0);

        assertThat(scene.getPrompt())
                .startsWith("An aerial shot of ")
                .contains("Lake Geneva", "mountain", "at sunset", "warm low light", "calm mood")
                .endsWith(".")
                .doesNotContain(";", "view");
    }

    @Test
    void shouldDescribeSceneWithoutCuesAsNeutral() {
        Scene scene = ANALYZER.analyze("Numbers were counted.", "en", 4.0).get(0);

        assertThat(scene.getSceneMood()).isEqualTo(Mood.NEUTRAL);
        assertThat(scene.getCameraMoves()).isEmpty();
        assertThat(scene.getTimeCues()).isEmpty();
        assertThat(scene.getPrompt()).isEqualTo("A wide establishing shot, natural light.");
        assertThat(scene.getNegativePrompt()).contains("watermark", "people");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {"   \n\t  ", "🎉🎉🎉\n😀", "```\nonly code\n```", "https://example.com"})
    void shouldMakeOneEmptySceneWhenNothingSpeakableRemains(String text) {
        List<Scene> scenes = ANALYZER.analyze(text, "en", 12.5);

        assertThat(scenes).hasSize(1);
        Scene scene = scenes.get(0);
        assertThat(scene.getText()).isEmpty();
        assertThat(scene.getKeywords()).isEmpty();
        assertThat(scene.getEntities()).isEmpty();
        assertThat(scene.getCameraMoves()).isEmpty();
        assertThat(scene.getTimeCues()).isEmpty();
        assertThat(scene.getSceneMood()).isEqualTo(Mood.NEUTRAL);
        assertThat(scene.getPrompt()).isNotBlank();
        assertTimeline(scenes, 12.5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000\u0001\u0002 Hello\u0007 world.\u001B[31m Red.",
                "Broken \uD800 surrogate \uDC00 here. And \uDBFF",
                "\uDFFF",
                "Zero\u200Bwidth and bidi \u202Emarks\u202C here.",
                ". . . ! ? ;",
                "a",
            })
    void shouldNeverThrowOnOddCharacters(String text) {
        for (String language : new String[] {"en", null, "und", "xx-YY", "", "zh", "tr"}) {
            List<Scene> scenes = ANALYZER.analyze(text, language, 9.0);

            assertTimeline(scenes, 9.0);
            assertThat(scenes)
                    .allSatisfy(
                            scene -> {
                                assertThat(scene.getText()).doesNotContain("\u0000", "\uD800");
                                assertThat(scene.getPrompt()).isNotBlank();
                            });
        }
    }

    @Test
    void shouldHandleOneMegabyteOfText() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(11);
        while (text.length() < 1_000_000) {
            text.append(randomText(random, 50)).append("\n\n");
        }

        List<Scene> scenes = ANALYZER.analyze(text.toString(), "en", 90.0);

        assertThat(scenes).hasSizeBetween(1, 60);
        assertTimeline(scenes, 90.0);
    }

    @Test
    void shouldHandleOneMegabyteWithoutAnyBreak() {
        String text = "x".repeat(1_000_000);

        List<Scene> scenes = ANALYZER.analyze(text, "en", 30.0);

        assertTimeline(scenes, 30.0);
    }

    @Test
    void shouldRejectDurationThatIsNotPositiveAndFinite() {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> ANALYZER.analyze("Hello.", "en", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("targetDurationSeconds must be positive and finite");
        }
    }

    /** Scene 0 starts at 0, scenes are contiguous and non-empty, the last ends at the target. */
    static void assertTimeline(List<Scene> scenes, double target) {
        assertThat(scenes).isNotEmpty().hasSizeLessThanOrEqualTo(60);
        assertThat(scenes.get(0).getStartSeconds()).isEqualTo(0.0);
        assertThat(scenes.get(scenes.size() - 1).getEndSeconds()).isEqualTo(target);
        for (int i = 0; i < scenes.size(); i++) {
            Scene scene = scenes.get(i);
            assertThat(scene.getIndex()).isEqualTo(i);
            assertThat(scene.getEndSeconds()).isGreaterThan(scene.getStartSeconds());
            if (i > 0) {
                assertThat(scene.getStartSeconds()).isEqualTo(scenes.get(i - 1).getEndSeconds());
            }
            assertThat(scene.getKeywords()).isNotNull();
            assertThat(scene.getEntities()).isNotNull();
            assertThat(scene.getCameraMoves()).doesNotContain(CameraMove.UNKNOWN);
            assertThat(scene.getTimeCues()).isNotNull();
            assertThat(scene.getSceneMood()).isNotNull();
            assertThat(scene.getPrompt()).isNotBlank();
        }
    }

    private static final String[] WORDS = {
        "river", "mountain", "light", "the", "old", "city", "walks", "slowly", "bright", "market",
        "children", "play", "under", "trees", "wind", "carries", "songs", "across", "valley", "a",
        "Paris", "stone", "bridge", "evening", "quiet", "boats", "drift", "harbour"
    };

    /** Sentences of 3 to 20 random words, with occasional commas, ending in . ! or ? */
    static String randomText(Random random, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int words = 3 + random.nextInt(18);
            for (int w = 0; w < words; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                text.append(
                        w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                text.append(
                        w == words - 1
                                ? ".!?".charAt(random.nextInt(3))
                                : random.nextInt(8) == 0 ? ", " : " ");
                if (w == words - 1) {
                    text.append(' ');
                }
            }
        }
        return text.toString().trim();
    }
}
