package io.reelflow.operators.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.scene.internal.LineWrapper;
import io.reelflow.operators.scene.internal.Syllables;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SpokenSpan;
import io.reelflow.schemas.SpokenWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SubtitleCues}. */
class SubtitleCuesTest {

    private final SubtitleCues subtitles = new SubtitleCues(SubtitleConfig.defaults());

    private static Scene scene(int index, String text, double start, double end) {
        return Scene.newBuilder()
                .setIndex(index)
                .setText(text)
                .setStartSeconds(start)
                .setEndSeconds(end)
                .setKeywords(List.of())
                .setEntities(List.of())
                .setSceneMood(Mood.NEUTRAL)
                .setCameraMoves(List.of())
                .setTimeCues(List.of())
                .setPrompt("cinematic shot")
                .build();
    }

    @Test
    void shouldNeverPutALineBreakInsideACueLine() {
        List<SubtitleCue> cues =
                subtitles.cues(
                        List.of(scene(0, "First line\nsecond line\r\n\nthird\u2028fourth", 0, 4)),
                        "en");

        assertThat(cues).isNotEmpty();
        assertThat(cues)
                .flatExtracting(SubtitleCue::lines)
                .allSatisfy(
                        line -> assertThat(line).doesNotContainPattern("[\\r\\n\\u2028\\u2029]"));
        assertThat(subtitles.toSrt(cues)).doesNotContain("\n\n\n");
    }

    @Test
    void shouldWriteSrtWithOneCuePerShortScene() {
        List<SubtitleCue> cues =
                subtitles.cues(
                        List.of(
                                scene(0, "The drone rises above the harbour.", 0.0, 2.5),
                                scene(1, "Gulls circle.", 2.5, 4.0)),
                        "en");

        assertThat(subtitles.toSrt(cues))
                .isEqualTo(
                        "1\n00:00:00,000 --> 00:00:02,500\nThe drone rises above the harbour.\n\n"
                                + "2\n00:00:02,500 --> 00:00:04,000\nGulls circle.\n\n");
    }

    @Test
    void shouldWriteWebVttWithHeaderAndEscapedText() {
        List<SubtitleCue> cues =
                subtitles.cues(List.of(scene(0, "Tom & Jerry <3 --> fun", 0.0, 3723.25)), "en");

        assertThat(subtitles.toWebVtt(cues))
                .isEqualTo(
                        "WEBVTT\n\n1\n00:00:00.000 --> 01:02:03.250\nTom &amp; Jerry &lt;3 --&gt; fun\n\n");
    }

    @Test
    void shouldSplitALongSceneIntoReadableCuesSharingItsTime() {
        String text =
                "The drone rises above the old harbour at sunrise, while the fishermen, still half"
                        + " asleep, are mending their nets on the long wooden pier that reaches far"
                        + " into the bay, and the first boats leave for the open sea.";
        List<SubtitleCue> cues = subtitles.cues(List.of(scene(0, text, 10.0, 22.0)), "en");

        assertThat(cues).hasSizeGreaterThan(1);
        assertThat(cues.get(0).startSeconds()).isEqualTo(10.0);
        assertThat(cues.get(cues.size() - 1).endSeconds()).isEqualTo(22.0);
        for (int i = 0; i < cues.size(); i++) {
            SubtitleCue cue = cues.get(i);
            assertThat(cue.index()).isEqualTo(i + 1);
            assertThat(cue.lines()).hasSizeBetween(1, 2);
            assertThat(cue.lines())
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(42));
            assertThat(cue.endSeconds() - cue.startSeconds()).isGreaterThanOrEqualTo(1.0);
            if (i > 0) {
                assertThat(cue.startSeconds()).isEqualTo(cues.get(i - 1).endSeconds());
            }
        }
        assertThat(String.join(" ", cues.stream().map(SubtitleCue::text).toList())).isEqualTo(text);
    }

    @Test
    void shouldBreakChineseByWidthNotBySpaces() {
        String text = "无人机在日出时飞越古老的港口，渔民们在长长的木码头上修补渔网，远处的海鸥在船只上空盘旋。";
        List<SubtitleCue> cues = subtitles.cues(List.of(scene(0, text, 0.0, 8.0)), "zh");

        List<String> lines = cues.stream().flatMap(cue -> cue.lines().stream()).toList();
        assertThat(lines).hasSizeGreaterThan(1);
        // Netflix's Simplified Chinese guide: 16 characters per line.
        assertThat(lines)
                .allSatisfy(line -> assertThat(LineWrapper.width(line)).isLessThanOrEqualTo(32));
        assertThat(lines.get(0)).hasSize(16);
        assertThat(lines).noneMatch(line -> line.startsWith("，") || line.startsWith("。"));
        assertThat(String.join("", lines)).isEqualTo(text);
    }

    @Test
    void shouldBreakKoreanBetweenWordsOnly() {
        String text = "이른 새벽 작은 항구에 안개가 천천히 걷힙니다. 어부들이 배에 그물을 싣고 바다로 나갑니다.";
        List<SubtitleCue> cues = subtitles.cues(List.of(scene(0, text, 0.0, 8.0)), "ko");

        List<String> lines = cues.stream().flatMap(cue -> cue.lines().stream()).toList();
        assertThat(lines).hasSizeGreaterThan(1);
        List<String> words = List.of(text.split(" "));
        // Every line is whole words: joined with spaces they give the text back.
        assertThat(lines)
                .allSatisfy(line -> assertThat(words).containsAll(List.of(line.split(" "))));
        assertThat(String.join(" ", lines)).isEqualTo(text);
    }

    @Test
    void shouldMarkArabicLinesRightToLeftInLogicalOrder() {
        String text = "يصلح الصيادون شباكهم على الرصيف منذ 1990.";
        List<SubtitleCue> cues = subtitles.cues(List.of(scene(0, text, 0.0, 3.0)), "ar");

        assertThat(cues.get(0).rightToLeft()).isTrue();
        assertThat(subtitles.toSrt(cues)).contains("\n\u200F" + text + "\n");
        SubtitleCues embedding =
                new SubtitleCues(
                        SubtitleConfig.defaults()
                                .withDirectionMarks(SubtitleConfig.DirectionMarks.EMBEDDING));
        assertThat(embedding.toWebVtt(cues)).contains("\n\u202B" + text + "\u202C\n");
        assertThat(subtitles.toSrt(subtitles.cues(List.of(scene(0, "Hello.", 0.0, 2.0)), "en")))
                .doesNotContain("\u200F");
    }

    @Test
    void shouldDetectRightToLeftFromTheTextWhenLanguageIsUnknown() {
        assertThat(
                        subtitles
                                .cues(List.of(scene(0, "שלום עולם", 0.0, 2.0)), null)
                                .get(0)
                                .rightToLeft())
                .isTrue();
    }

    @Test
    void shouldCutAWordySceneWithAnEllipsisRatherThanOverflowTheFrame() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 20_000) {
            text.append("The fishermen mend their nets on the pier, and the boats leave. ");
        }
        List<Scene> scenes = List.of(scene(4, text.toString(), 0.0, 8.0));

        List<SubtitleCue> cues = subtitles.cues(scenes, "en");

        assertThat(cues).hasSizeBetween(1, 8);
        assertThat(cues)
                .allSatisfy(
                        cue -> {
                            assertThat(cue.lines()).hasSizeBetween(1, 2);
                            assertThat(cue.lines())
                                    .allSatisfy(
                                            line ->
                                                    assertThat(LineWrapper.width(line))
                                                            .isLessThanOrEqualTo(42));
                            assertThat(cue.endSeconds() - cue.startSeconds())
                                    .isGreaterThanOrEqualTo(1.0);
                        });
        List<String> lastLines = cues.get(cues.size() - 1).lines();
        assertThat(lastLines.get(lastLines.size() - 1)).endsWith("\u2026");
        assertThat(cues.get(cues.size() - 1).endSeconds()).isEqualTo(8.0);
        assertThat(subtitles.track(scenes, "en").cutScenes()).containsExactly(4);
    }

    @Test
    void shouldShowOneCueForAFewMillisecondsOfText() {
        List<Scene> scenes =
                List.of(
                        scene(
                                0,
                                "One sentence here. And another one after it, quite long too.",
                                0,
                                1e-4));

        SubtitleCues.Track track =
                new SubtitleCues(SubtitleConfig.defaults().withMaxLineWidth(20))
                        .track(scenes, "en");

        assertThat(track.cues())
                .singleElement()
                .satisfies(c -> assertThat(c.lines()).containsExactly("One sentence here\u2026"));
        assertThat(track.cutScenes()).containsExactly(0);
    }

    @Test
    void shouldEndCuesWithSentencesWhereTheyFit() {
        String text =
                "Dawn. The drone rises above the old harbour while the fishermen mend their nets."
                        + " Gulls circle.";

        SubtitleCues.Track track = subtitles.track(List.of(scene(0, text, 0.0, 9.0)), "en");

        // "Dawn." would fit with the next sentence's first line, but then that sentence would
        // straddle two cues; the last sentence no longer fits in the second cue's two lines.
        assertThat(track.cues())
                .extracting(SubtitleCue::text)
                .containsExactly(
                        "Dawn.",
                        "The drone rises above the old harbour while the fishermen mend their"
                                + " nets.",
                        "Gulls circle.");
        assertThat(track.cutScenes()).isEmpty();
    }

    @Test
    void shouldSplitASentenceLongerThanACueAtItsClauses() {
        String text =
                "When the tide turns at dawn, the fishermen of the old harbour push their boats"
                        + " out, and the gulls, ever hungry, follow them far into the bay.";

        List<SubtitleCue> cues = subtitles.cues(List.of(scene(0, text, 0.0, 12.0)), "en");

        assertThat(cues).hasSizeGreaterThan(1);
        assertThat(cues.get(0).text()).endsWith(",");
        assertThat(String.join(" ", cues.stream().map(SubtitleCue::text).toList())).isEqualTo(text);
    }

    @Test
    void shouldUseNarrowerLinesForJapanese() {
        String text = "夜明けにドローンが古い港の上を飛び、漁師たちは長い木の桟橋で網を繕っている。";

        List<String> lines =
                subtitles.cues(List.of(scene(0, text, 0.0, 8.0)), "ja").stream()
                        .flatMap(cue -> cue.lines().stream())
                        .toList();

        // Netflix's Japanese guide: 13 full-width characters per line.
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(13));
        assertThat(String.join("", lines)).isEqualTo(text);
    }

    @Test
    void shouldSkipScenesWithoutText() {
        assertThat(subtitles.cues(List.of(scene(0, "", 0.0, 5.0)), "en")).isEmpty();
    }

    @Test
    void shouldFollowAnalyzerScenesToTheEnd() {
        List<Scene> scenes =
                new SceneAnalyzer(SceneAnalyzerConfig.defaults())
                        .analyze(
                                "# Title\n\n- First **point**.\n- Second point: https://x.example\n",
                                "en",
                                15.0);

        List<SubtitleCue> cues = subtitles.cues(scenes, "en");

        assertThat(cues)
                .extracting(SubtitleCue::text)
                .containsExactly("Title", "First point.", "Second point:");
        assertThat(cues.get(cues.size() - 1).endSeconds()).isEqualTo(15.0);
    }

    @Test
    void shouldRejectInvalidConfig() {
        assertThatThrownBy(() -> SubtitleConfig.defaults().withMaxLineWidth(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLineWidth");
        assertThatThrownBy(() -> SubtitleConfig.defaults().withMaxLines(0))
                .hasMessageContaining("maxLines");
    }

    @Test
    void shouldShowANarratedScenesCuesWhileTheirSentencesAreSpoken() {
        String first = "The lighthouse keeper climbs the stairs.";
        String second =
                "Far below, the waves crash against the black rocks, and the wind howls through"
                        + " the broken windows of the old tower.";
        Scene scene = scene(0, first + " " + second, 0.0, 10.0);
        scene.setSpokenSpans(
                List.of(
                        new SpokenSpan(first, 0.3, 2.1, List.of()),
                        new SpokenSpan(second, 2.1, 7.9, List.of())));

        List<SubtitleCue> cues = subtitles.cues(List.of(scene), "en");

        assertThat(cues).hasSizeGreaterThan(2);
        assertThat(cues.get(0).text()).isEqualTo(first);
        assertThat(cues.get(0).startSeconds()).isEqualTo(0.3);
        assertThat(cues.get(0).endSeconds()).isEqualTo(2.1);
        assertThat(cues.subList(1, cues.size()))
                .allSatisfy(
                        cue -> {
                            assertThat(cue.startSeconds()).isGreaterThanOrEqualTo(2.1);
                            assertThat(cue.endSeconds()).isLessThanOrEqualTo(7.9);
                        });
        assertThat(cues.get(cues.size() - 1).endSeconds()).isEqualTo(7.9);
    }

    /** A sentence of several cues whose clauses differ in syllables more than in width. */
    private static final String SPOKEN =
            "Strong knights fought through the night in the cold, the unbelievably"
                    + " sophisticated organisation deliberated, and all the dogs of the village"
                    + " just slept on.";

    private static final double SPOKEN_START = 2.0;
    private static final double SPOKEN_END = 14.0;
    private static final double FRAME = 1.0 / 25;

    private List<SubtitleCue> spokenCues(List<SpokenWord> words) {
        Scene scene = scene(0, SPOKEN, 0.0, 15.0);
        scene.setSpokenSpans(List.of(new SpokenSpan(SPOKEN, SPOKEN_START, SPOKEN_END, words)));
        return subtitles.cues(List.of(scene), "en");
    }

    @Test
    void shouldCutASpokenSentenceByItsSyllablesWithoutWordTimes() {
        List<SubtitleCue> cues = spokenCues(List.of());

        assertThat(cues).hasSizeGreaterThan(2);
        assertThat(cues.get(0).startSeconds()).isEqualTo(SPOKEN_START);
        assertThat(cues.get(cues.size() - 1).endSeconds()).isEqualTo(SPOKEN_END);
        double total = cues.stream().mapToInt(cue -> Syllables.count(cue.text())).sum();
        for (int i = 0; i < cues.size(); i++) {
            SubtitleCue cue = cues.get(i);
            if (i > 0) {
                assertThat(cue.startSeconds())
                        .as("contiguous")
                        .isEqualTo(cues.get(i - 1).endSeconds());
            }
            double duration = cue.endSeconds() - cue.startSeconds();
            assertThat(duration)
                    .as("cue %s lasts its share of the syllables", cue.text())
                    .isCloseTo(
                            (SPOKEN_END - SPOKEN_START) * Syllables.count(cue.text()) / total,
                            within(FRAME));
            for (SubtitleCue other : cues) {
                if (Syllables.count(cue.text()) > Syllables.count(other.text())) {
                    assertThat(duration).isGreaterThan(other.endSeconds() - other.startSeconds());
                }
            }
        }
        // the syllables, not the width: the short, many-syllabled clause outlasts the wide one
        SubtitleCue knights = cues.get(0);
        SubtitleCue organisation = cues.get(1);
        assertThat(organisation.text().length()).isLessThan(knights.text().length() + 20);
        assertThat(organisation.endSeconds() - organisation.startSeconds())
                .isGreaterThan(1.5 * (knights.endSeconds() - knights.startSeconds()));
    }

    @Test
    void shouldCutASpokenSentenceWhereTheServerSaysTheNextCuesFirstWordStarts() {
        // Kokoro-style words, punctuation as tokens of their own, at an uneven pace.
        List<SpokenWord> words = new ArrayList<>();
        double at = SPOKEN_START;
        int n = 0;
        for (String token : SPOKEN.replaceAll("([,.])", " $1").split(" ")) {
            double length = token.matches("[,.]") ? 0.05 : 0.15 + 0.07 * (n++ % 5);
            words.add(new SpokenWord(token, at, at + length));
            at += length + 0.02;
        }
        double end = words.get(words.size() - 1).getEndSeconds();
        Scene scene = scene(0, SPOKEN, 0.0, 15.0);
        scene.setSpokenSpans(List.of(new SpokenSpan(SPOKEN, SPOKEN_START, end, words)));

        List<SubtitleCue> cues = subtitles.cues(List.of(scene), "en");

        assertThat(cues).hasSizeGreaterThan(2);
        assertThat(cues.get(0).startSeconds()).isEqualTo(SPOKEN_START);
        assertThat(cues.get(cues.size() - 1).endSeconds()).isEqualTo(end);
        List<SpokenWord> spokenWords =
                words.stream().filter(word -> !word.getText().matches("[,.]")).toList();
        int before = 0;
        for (int i = 1; i < cues.size(); i++) {
            before += cues.get(i - 1).text().split(" ").length;
            SpokenWord first = spokenWords.get(before);
            assertThat(first.getText()).isEqualTo(cues.get(i).text().split(" ")[0]);
            assertThat(cues.get(i).startSeconds()).isEqualTo(first.getStartSeconds());
            assertThat(cues.get(i - 1).endSeconds()).isEqualTo(first.getStartSeconds());
        }
    }

    @Test
    void shouldFallBackToSyllablesWhenTheServersWordsSpellTheTextDifferently() {
        List<SpokenWord> words = new ArrayList<>();
        double at = SPOKEN_START;
        for (String token : SPOKEN.replace("cold", "frosty").split(" ")) {
            words.add(new SpokenWord(token, at, at + 0.3));
            at += 0.4;
        }
        List<SubtitleCue> estimated = spokenCues(List.of());

        assertThat(spokenCues(words)).isEqualTo(estimated);
    }
}
