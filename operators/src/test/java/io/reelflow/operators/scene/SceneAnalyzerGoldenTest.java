package io.reelflow.operators.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import io.reelflow.operators.scene.internal.Segment;
import io.reelflow.operators.scene.internal.Segmenter;
import io.reelflow.operators.scene.internal.TextNormalizer;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests for {@link SceneAnalyzer}. Golden results on one short script (harbour at dawn: a drone
 * shot, fishermen, a close-up, slow motion, nightfall) written in ten languages.
 */
class SceneAnalyzerGoldenTest {

    private static final SceneAnalyzer ANALYZER = new SceneAnalyzer(SceneAnalyzerConfig.defaults());

    /** Camera and time cues of the five sentences, the same in every language. */
    private static final List<List<CameraMove>> CAMERA =
            List.of(
                    List.of(CameraMove.AERIAL),
                    List.of(),
                    List.of(CameraMove.CLOSE_UP),
                    List.of(CameraMove.SLOW_MOTION),
                    List.of());

    private static final List<List<String>> TIME =
            List.of(List.of("dawn"), List.of(), List.of(), List.of(), List.of("night"));

    record Golden(String language, List<String> sentences, List<String> firstKeywords) {}

    static Stream<Arguments> scripts() {
        return Stream.of(
                golden(
                        "en",
                        List.of("drone", "rises", "old", "harbour", "sunrise"),
                        "The drone rises above the old harbour at sunrise.",
                        "Fishermen are mending their nets on the pier.",
                        "A close-up shows weathered hands tying knots.",
                        "In slow motion, gulls circle over the boats.",
                        "The harbour grows quiet as night falls."),
                golden(
                        "de",
                        List.of("drohne", "steigt", "alten", "hafen", "sonnenaufgang"),
                        "Die Drohne steigt über den alten Hafen bei Sonnenaufgang.",
                        "Fischer flicken ihre Netze am Steg.",
                        "Eine Nahaufnahme zeigt wettergegerbte Hände.",
                        "In Zeitlupe kreisen Möwen über den Booten.",
                        "Der Hafen wird still, als die Nacht hereinbricht."),
                golden(
                        "fr",
                        List.of("drone", "élève", "dessus", "vieux", "port", "lever"),
                        "Le drone s'élève au-dessus du vieux port au lever du soleil.",
                        "Des pêcheurs réparent leurs filets sur la jetée.",
                        "Un gros plan montre des mains burinées.",
                        "Au ralenti, les mouettes tournent au-dessus des bateaux.",
                        "Le port devient calme quand la nuit tombe."),
                golden(
                        "es",
                        List.of("dron", "eleva", "viejo", "puerto", "amanecer"),
                        "El dron se eleva sobre el viejo puerto al amanecer.",
                        "Los pescadores remiendan sus redes en el muelle.",
                        "Un primer plano muestra manos curtidas.",
                        "En cámara lenta, las gaviotas vuelan sobre los barcos.",
                        "El puerto se queda en calma cuando cae la noche."),
                golden(
                        "pt",
                        List.of("drone", "sobe", "velho", "porto", "amanhecer"),
                        "O drone sobe sobre o velho porto ao amanhecer.",
                        "Os pescadores consertam as redes no cais.",
                        "Um primeiro plano mostra mãos calejadas.",
                        "Em câmera lenta, as gaivotas voam sobre os barcos.",
                        "O porto fica calmo quando cai a noite."),
                golden(
                        "ru",
                        List.of("дрон", "поднимается", "старой", "гаванью", "рассвете"),
                        "Дрон поднимается над старой гаванью на рассвете.",
                        "Рыбаки чинят сети на причале.",
                        "Крупный план показывает обветренные руки рыбаков.",
                        "В замедленной съёмке чайки кружат над лодками.",
                        "Гавань затихает, когда наступает ночь."),
                golden(
                        "zh",
                        List.of("无人机", "日出", "时", "飞越", "古老", "港口"),
                        "无人机在日出时飞越古老的港口。",
                        "渔民们在码头上修补渔网。",
                        "特写镜头展示饱经风霜的双手。",
                        "慢动作中，海鸥在船只上空盘旋。",
                        "夜幕降临，港口渐渐安静下来。"),
                golden(
                        "ja",
                        List.of("日の出", "ドローン", "古い", "港", "上", "飛ぶ"),
                        "日の出とともにドローンが古い港の上を飛ぶ。",
                        "漁師たちは桟橋で網を繕っている。",
                        "クローズアップで日焼けした手が映る。",
                        "スローモーションでカモメが船の上を旋回する。",
                        "夜になると港は静かになる。"),
                golden(
                        "ar",
                        List.of("تحلق", "الطائرة", "المسيرة", "فوق", "الميناء", "القديم"),
                        "تحلق الطائرة المسيرة فوق الميناء القديم عند شروق الشمس.",
                        "يصلح الصيادون شباكهم على الرصيف.",
                        "لقطة مقربة تظهر أيدي خشنة.",
                        "بالحركة البطيئة تحوم طيور النورس فوق القوارب.",
                        "يصبح الميناء هادئا عندما يحل الليل."),
                golden(
                        "hi",
                        List.of("सूर्योदय", "समय", "ड्रोन", "पुराने", "बंदरगाह", "ऊपर"),
                        "सूर्योदय के समय ड्रोन पुराने बंदरगाह के ऊपर उड़ता है।",
                        "मछुआरे घाट पर अपने जाल ठीक कर रहे हैं।",
                        "क्लोज़-अप में खुरदुरे हाथ दिखते हैं।",
                        "धीमी गति में समुद्री पक्षी नावों के ऊपर मंडराते हैं।",
                        "रात होते ही बंदरगाह शांत हो जाता है।"));
    }

    private static Arguments golden(String language, List<String> keywords, String... sentences) {
        return Arguments.of(new Golden(language, List.of(sentences), keywords));
    }

    private static String script(Golden golden) {
        String separator =
                golden.language().equals("zh") || golden.language().equals("ja") ? "" : " ";
        return String.join(separator, golden.sentences());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void shouldSplitSentencesOfEveryScript(Golden golden) {
        List<String> sentences =
                new Segmenter(new ULocale(golden.language()), 2.5, 5.0)
                        .sentences(TextNormalizer.normalize(script(golden))).stream()
                                .map(Segment::text)
                                .toList();

        assertThat(sentences).containsExactlyElementsOf(golden.sentences());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void shouldMakeOneScenePerSentenceWithExactTimings(Golden golden) {
        List<Scene> scenes = ANALYZER.analyze(script(golden), golden.language(), 25.0);

        assertThat(scenes).extracting(Scene::getText).containsExactlyElementsOf(golden.sentences());
        assertThat(scenes.get(0).getStartSeconds()).isEqualTo(0.0);
        for (int i = 1; i < scenes.size(); i++) {
            assertThat(scenes.get(i).getStartSeconds())
                    .isEqualTo(scenes.get(i - 1).getEndSeconds());
        }
        assertThat(scenes.get(scenes.size() - 1).getEndSeconds()).isEqualTo(25.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void shouldDetectCameraAndTimeCuesInTheTopTenLanguages(Golden golden) {
        List<Scene> scenes = ANALYZER.analyze(script(golden), golden.language(), 25.0);

        assertThat(scenes).extracting(Scene::getCameraMoves).containsExactlyElementsOf(CAMERA);
        assertThat(scenes).extracting(Scene::getTimeCues).containsExactlyElementsOf(TIME);
        assertThat(scenes.get(0).getPrompt()).startsWith("An aerial shot").contains("at dawn");
        assertThat(scenes.get(3).getPrompt()).startsWith("A slow-motion ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void shouldExtractKeywordsWithoutStopWords(Golden golden) {
        Scene first = ANALYZER.analyze(script(golden), golden.language(), 25.0).get(0);

        assertThat(first.getKeywords()).containsExactlyElementsOf(golden.firstKeywords());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void shouldEstimateReadingTimeAlikeForTheSameScriptInEveryLanguage(Golden golden) {
        double english =
                ANALYZER.readingSeconds(
                        script((Golden) scripts().findFirst().orElseThrow().get()[0]), "en");

        double seconds = ANALYZER.readingSeconds(script(golden), golden.language());

        // the same narration should not take much longer in another script (Cyrillic included)
        assertThat(seconds).isBetween(english * 0.8, english * 1.2);
    }

    @Test
    void shouldCountInflectedFormsAsOneStemmedKeyword() {
        assertThat(
                        ANALYZER.analyze(
                                        "Mountains rise over the lake. The mountain glows. A boat drifts.",
                                        "en",
                                        4.0)
                                .get(0)
                                .getKeywords())
                .startsWith("mountains")
                .doesNotContain("mountain");
        assertThat(
                        ANALYZER.analyze(
                                        "Die Berge leuchten. Ein Boot treibt vor dem Berg, dann noch ein Berg.",
                                        "de",
                                        4.0)
                                .get(0)
                                .getKeywords())
                .startsWith("berg")
                .doesNotContain("berge");
        assertThat(
                        ANALYZER.analyze(
                                        "Над гаванью туман. Гавань спит. Лодка у гавани.",
                                        "ru",
                                        4.0)
                                .get(0)
                                .getKeywords())
                .containsOnlyOnce("гаванью")
                .doesNotContain("гавань", "гавани");
    }

    @Test
    void shouldDetectMoodInEveryTopTenLanguage() {
        assertThat(ANALYZER.analyze("海边一片宁静。", "zh", 3.0).get(0).getSceneMood())
                .isEqualTo(Mood.CALM);
        assertThat(ANALYZER.analyze("彼女は悲しい顔で涙を流した。", "ja", 3.0).get(0).getSceneMood())
                .isEqualTo(Mood.SAD);
        assertThat(ANALYZER.analyze("Дети радостно смеются.", "ru", 3.0).get(0).getSceneMood())
                .isEqualTo(Mood.JOYFUL);
        assertThat(ANALYZER.analyze("बच्चे खुशी से नाचते हैं।", "hi", 3.0).get(0).getSceneMood())
                .isEqualTo(Mood.JOYFUL);
        assertThat(ANALYZER.analyze("اقتربت العاصفة وساد الخوف.", "ar", 3.0).get(0).getSceneMood())
                .isEqualTo(Mood.TENSE);
        assertThat(
                        ANALYZER.analyze("Uma despedida cheia de tristeza.", "pt", 3.0)
                                .get(0)
                                .getSceneMood())
                .isEqualTo(Mood.SAD);
    }
}
