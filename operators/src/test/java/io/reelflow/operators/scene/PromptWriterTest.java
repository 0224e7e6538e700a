package io.reelflow.operators.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.Translator;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tests for {@link PromptWriter}. */
class PromptWriterTest {

    private static final SceneAnalyzer ANALYZER = new SceneAnalyzer(SceneAnalyzerConfig.defaults());
    private static final PromptWriter WRITER = PromptWriter.glossaryOnly(PromptLimit.CLIP);

    private static Scene scene(String text, String language) {
        return ANALYZER.analyze(text, language, 5.0).get(0);
    }

    private static String prompt(String text, String language, String style) {
        return WRITER.write(scene(text, language), language, style).prompt();
    }

    @Test
    void shouldWriteAnEnglishSentenceWithSubjectActionSettingTimeLightAndMood() {
        String prompt =
                prompt(
                        "A fisherman hauls his nets onto the quiet harbour at dawn. Wide shot.",
                        "en",
                        null);

        assertThat(prompt)
                .isEqualTo(
                        "A wide shot of a fisherman hauling a net at a harbour at dawn, soft"
                                + " golden light, calm mood.");
    }

    @Test
    void shouldTranslateThroughTheGlossaryWhenNoTranslatorIsSet() {
        String german =
                prompt("Ein Fischer zieht im Morgengrauen seine Netze an Land.", "de", null);
        String russian = prompt("Старый маяк одиноко стоит во время шторма.", "ru", null);
        String chinese = prompt("一个女孩在公园的树下看书。", "zh", null);

        assertThat(german)
                .startsWith("A medium shot of a fisherman hauling a net")
                .contains("at dawn")
                .doesNotContain("Fischer", "Netze", "Land");
        assertThat(russian).contains("an old lighthouse standing", "in a storm");
        assertThat(chinese).startsWith("A medium shot of a girl reading").contains("park");
    }

    @Test
    void shouldKeepNamesAndQuotedTitlesAsWritten() {
        String spanish =
                prompt(
                        "Carmen García abre su panadería en una calle tranquila de Sevilla.",
                        "es",
                        null);
        String german =
                prompt(
                        "Im Film „Der lange Weg“ wandert ein Soldat durch den verschneiten Wald.",
                        "de",
                        null);

        assertThat(spanish).startsWith("A medium shot of Carmen García opening a bakery");
        assertThat(spanish).contains("in Sevilla");
        assertThat(german)
                .contains("a soldier walking", "a snowy forest", "a scene from „Der lange Weg“")
                .doesNotContain("Film,", "lange Weg,");
    }

    @Test
    void shouldAppendTheStyleAndKeepItWhenShortening() {
        String styled =
                prompt("Children play football in the village square.", "en", "watercolour");

        assertThat(styled).endsWith(", in the style of watercolour.");
        assertThat(prompt("Children play football.", "en", "in the style of Studio Ghibli"))
                .endsWith(", in the style of Studio Ghibli.")
                .doesNotContain("style of in the style");
        assertThat(
                        PromptWriter.fit(
                                "A medium shot of a child playing football on a square in a"
                                        + " village, bright natural light, joyful mood, in the"
                                        + " style of watercolour.",
                                PromptLimit.characters(100)))
                .isEqualTo(
                        "A medium shot of a child playing football on a square in a village, in"
                                + " the style of watercolour.");
    }

    @Test
    void shouldKeepAnEnglishSubjectTheGlossaryLacks() {
        String[] subjects = {
            "A red kite",
            "A paper boat",
            "A green tractor",
            "A silver train",
            "A yellow balloon",
            "A wooden sailboat",
            "A blue bicycle",
            "An orange tram",
            "A purple umbrella",
            "A white windmill",
            "A black hot air balloon",
            "A copper weathervane",
            "A striped beach ball",
            "A lonely scarecrow",
            "A golden carousel",
            "A pink flamingo"
        };
        Set<String> prompts = new HashSet<>();

        for (String subject : subjects) {
            String prompt = prompt(subject + " moves slowly across an empty square.", "en", null);
            prompts.add(prompt);
            assertThat(prompt.toLowerCase(Locale.ROOT).split("[ ,.]+"))
                    .contains(subject.toLowerCase(Locale.ROOT).split(" "))
                    .contains("square");
        }

        // the integration tests' requests (ShortRequests): one clip each, so no two may share one
        assertThat(prompts).hasSize(subjects.length);
        assertThat(prompt("A white windmill moves slowly across an empty square.", "en", null))
                .startsWith("A wide shot of a white windmill on an empty square");
        assertThat(prompt("A tired fisherman hauls his nets.", "en", null))
                .startsWith("A medium shot of a tired fisherman hauling a net");
    }

    @Test
    void shouldWarnWhenAForeignSceneHasNoSubjectTheGlossaryKnows() {
        Scene scene = scene("Eine weiße Windmühle dreht sich langsam.", "de");
        List<String> warnings = new ArrayList<>();

        WRITER.rewrite(scene, "de", null, warnings);

        assertThat(warnings).singleElement().asString().contains("no subject", "de");
        assertThat(WRITER.write(scene("Ein Fischer am Hafen.", "de"), "de", null).warning())
                .isNull();
    }

    @Test
    void shouldWriteANegativePromptFromTheAnalysis() {
        Scene people = scene("A farmer drives his tractor across the field.", "en");
        Scene landscape = scene("Mountains under the stars.", "en");

        assertThat(WRITER.write(people, "en", null).negativePrompt())
                .startsWith("blurry, low quality")
                .contains("extra fingers")
                .doesNotContain("people");
        assertThat(WRITER.write(landscape, "en", null).negativePrompt())
                .endsWith(", people")
                .doesNotContain("fingers");
    }

    @Test
    void shouldStayWithinTheLimitWithoutDanglingWords() {
        String text =
                "At dawn a farmer and a fisherman with a dog and a horse drive a tractor with"
                        + " apples, bread, cheese and wine across the old bridge over the river"
                        + " near the harbour, the market and the cathedral in the rain.";
        PromptWriter tight = PromptWriter.glossaryOnly(PromptLimit.clipTokens(24));

        String prompt = tight.write(scene(text, "en"), "en", "oil painting").prompt();

        assertThat(PromptLimit.clipTokens(24).fits(prompt)).isTrue();
        assertThat(prompt).startsWith("A medium shot of a farmer").endsWith(".");
        assertThat(prompt).doesNotContainPattern(" (a|an|of|and|the|in|on|at|with)[.]$");
        assertThat(PromptLimit.CLIP.fits(prompt(text, "en", "oil painting"))).isTrue();
    }

    @Test
    void shouldCountClipTokensLikeClipsPreTokenizer() {
        assertThat(PromptLimit.clipTokensOf("")).isEqualTo(2);
        assertThat(PromptLimit.clipTokensOf("A wide shot, calm mood.")).isEqualTo(2 + 7);
        assertThat(PromptLimit.clipTokensOf("photographing")).isEqualTo(2 + 3);
        assertThat(PromptLimit.clipTokensOf("Москвы")).isEqualTo(2 + 6);
        assertThat(PromptLimit.characters(5).fits("Hello")).isTrue();
        assertThat(PromptLimit.characters(5).fits("Hello!")).isFalse();
    }

    @Test
    void shouldUseTheTranslatorAndCacheItsAnswerByContent() {
        AtomicInteger calls = new AtomicInteger();
        Translator translator =
                new Translator() {
                    @Override
                    public String toEnglish(String text, String language) {
                        calls.incrementAndGet();
                        return "A fisherman hauls his nets ashore at dawn.";
                    }

                    @Override
                    public String model() {
                        return "fake";
                    }
                };
        PromptWriter writer =
                new PromptWriter(Glossary.standard(), PromptLimit.CLIP, translator, 8);
        Scene scene = scene("Un pêcheur remonte ses filets sur le quai à l'aube.", "fr");

        PromptWriter.Written first = writer.write(scene, "fr", "watercolour");
        PromptWriter.Written second = writer.write(scene, "fr", "watercolour");
        writer.write(scene, "fr", "charcoal");

        assertThat(first.prompt()).startsWith("A medium shot of a fisherman hauling a net");
        assertThat(first.warning()).isNull();
        assertThat(second).isEqualTo(first);
        assertThat(calls).hasValue(2);
        assertThat(writer.cached()).isEqualTo(2);
    }

    @Test
    void shouldFallBackToTheGlossaryWithAWarningWhenTheTranslatorFails() {
        AtomicInteger calls = new AtomicInteger();
        Translator broken =
                new Translator() {
                    @Override
                    public String toEnglish(String text, String language) throws IOException {
                        calls.incrementAndGet();
                        throw new IOException("connection refused");
                    }

                    @Override
                    public String model() {
                        return "qwen";
                    }
                };
        PromptWriter writer = new PromptWriter(Glossary.standard(), PromptLimit.CLIP, broken, 8);
        Scene scene = scene("Un pêcheur remonte ses filets sur le quai à l'aube.", "fr");
        List<String> warnings = new ArrayList<>();

        Scene written = writer.rewrite(scene, "fr", null, warnings);
        writer.rewrite(scene, "fr", null, warnings);

        assertThat(written.getPrompt())
                .isEqualTo(WRITER.write(scene, "fr", null).prompt())
                .contains("fisherman");
        assertThat(warnings)
                .containsExactly(
                        "translation by qwen failed (IOException); prompts from the glossary");
        // a fallback is not cached: the translator is asked again
        assertThat(calls).hasValue(2);
    }

    @Test
    void shouldDescribeCameraMovesAndMoodFromTheTypedVocabulary() {
        Scene scene =
                Scene.newBuilder(scene("Fishermen on the pier.", "en"))
                        .setCameraMoves(List.of(CameraMove.SLOW_MOTION, CameraMove.AERIAL))
                        .setSceneMood(Mood.TENSE)
                        .build();

        assertThat(WRITER.write(scene, "en", null).prompt())
                .startsWith("A slow-motion aerial shot of a fisherman on a pier")
                .contains("harsh contrasty light", "tense mood");
    }
}
