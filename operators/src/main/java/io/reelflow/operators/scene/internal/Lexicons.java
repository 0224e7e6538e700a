package io.reelflow.operators.scene.internal;

import com.ibm.icu.util.ULocale;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.util.List;

/**
 * The built-in word lists for camera cues, times of day or year, and moods, in the ten most spoken
 * languages (English, Chinese, Spanish, Hindi, Arabic, Portuguese, Russian, Japanese, German,
 * French); labels are English, so prompts translate cue words through them. Small on purpose: each
 * entry is a phrase a writer uses to ask for that shot, time or feeling; ambiguous words (English
 * "pan", "fall", "still") are left out or only matched in a phrase. English camera terms ("drone",
 * "time-lapse") are looked for in texts of every language; time and mood words only in their own
 * language (German "war" means "was"). Camera and mood labels are the {@link Vocabulary} words of
 * the {@link CameraMove} and {@link Mood} symbols; {@link #cameraMove} and {@link #mood} read them
 * back.
 */
public final class Lexicons {

    private static final String CLOSE_UP = Vocabulary.label(CameraMove.CLOSE_UP);
    private static final String AERIAL = Vocabulary.label(CameraMove.AERIAL);
    private static final String WIDE = Vocabulary.label(CameraMove.WIDE);
    private static final String SLOW_MOTION = Vocabulary.label(CameraMove.SLOW_MOTION);
    private static final String PAN = Vocabulary.label(CameraMove.PAN);
    private static final String TRACKING = Vocabulary.label(CameraMove.TRACKING);
    private static final String TIME_LAPSE = Vocabulary.label(CameraMove.TIME_LAPSE);

    private static final String JOYFUL = Vocabulary.label(Mood.JOYFUL);
    private static final String CALM = Vocabulary.label(Mood.CALM);
    private static final String TENSE = Vocabulary.label(Mood.TENSE);
    private static final String SAD = Vocabulary.label(Mood.SAD);

    /** Camera cues: close-up, aerial, wide, slow motion, pan, tracking, time-lapse. */
    public static final PhraseLexicon CAMERA =
            PhraseLexicon.builder()
                    .englishInEveryLanguage()
                    .add(
                            "en",
                            CLOSE_UP,
                            "close-up",
                            "closeup",
                            "close shot",
                            "up close",
                            "macro",
                            "extreme close")
                    .add(
                            "en",
                            AERIAL,
                            "aerial*",
                            "from above",
                            "bird's-eye",
                            "birds-eye",
                            "bird's eye view",
                            "drone",
                            "drones",
                            "overhead shot",
                            "top-down")
                    .add(
                            "en",
                            WIDE,
                            "wide shot",
                            "wide-angle",
                            "wide angle",
                            "panorama",
                            "panoramic",
                            "establishing shot",
                            "long shot")
                    .add(
                            "en",
                            SLOW_MOTION,
                            "slow motion",
                            "slow-motion",
                            "slow-mo",
                            "slowmo",
                            "in slow mo")
                    .add(
                            "en",
                            PAN,
                            "pans",
                            "panning",
                            "pan across",
                            "pan over",
                            "pan shot",
                            "camera pans",
                            "pan to",
                            "pan left",
                            "pan right",
                            "swish pan")
                    .add(
                            "en",
                            TRACKING,
                            "tracking*",
                            "follow shot",
                            "camera follows",
                            "dolly shot",
                            "dolly",
                            "steadicam")
                    .add("en", TIME_LAPSE, "time-lapse", "timelapse", "time lapse", "hyperlapse")
                    .add(
                            "de",
                            CLOSE_UP,
                            "nahaufnahme*",
                            "großaufnahme*",
                            "aus der nähe",
                            "makro*",
                            "detailaufnahme*")
                    .add(
                            "de",
                            AERIAL,
                            "luftaufnahme*",
                            "luftbild*",
                            "von oben",
                            "vogelperspektive",
                            "drohne*",
                            "aus der luft")
                    .add("de", WIDE, "weitwinkel*", "totale", "panorama*", "übersichtsaufnahme*")
                    .add("de", SLOW_MOTION, "zeitlupe*")
                    .add("de", PAN, "schwenk*", "kameraschwenk*", "schwenkt")
                    .add(
                            "de",
                            TRACKING,
                            "kamerafahrt*",
                            "verfolgungsaufnahme*",
                            "begleitfahrt*",
                            "kamera folgt")
                    .add("de", TIME_LAPSE, "zeitraffer*")
                    .add(
                            "es",
                            CLOSE_UP,
                            "primer plano",
                            "primerísimo primer plano",
                            "de cerca",
                            "plano detalle")
                    .add(
                            "es",
                            AERIAL,
                            "aérea",
                            "aéreo",
                            "aéreas",
                            "aéreos",
                            "desde arriba",
                            "vista de pájaro",
                            "a vista de pájaro",
                            "dron",
                            "drones",
                            "cenital")
                    .add(
                            "es",
                            WIDE,
                            "plano general",
                            "gran angular",
                            "panorámica",
                            "panorámico",
                            "plano abierto")
                    .add("es", SLOW_MOTION, "cámara lenta", "camara lenta")
                    .add("es", PAN, "paneo", "barrido", "panea")
                    .add("es", TRACKING, "travelling", "plano de seguimiento", "cámara sigue")
                    .add("es", TIME_LAPSE, "cámara rápida", "lapso de tiempo")
                    .add("fr", CLOSE_UP, "gros plan", "très gros plan", "de près", "plan serré")
                    .add(
                            "fr",
                            AERIAL,
                            "aérien",
                            "aérienne",
                            "aériens",
                            "aériennes",
                            "d'en haut",
                            "vu du ciel",
                            "vue du ciel",
                            "vol d'oiseau",
                            "drone",
                            "drones")
                    .add(
                            "fr",
                            WIDE,
                            "plan large",
                            "plan d'ensemble",
                            "grand angle",
                            "grand-angle",
                            "vue panoramique",
                            "plan général")
                    .add("fr", SLOW_MOTION, "ralenti", "au ralenti")
                    .add("fr", PAN, "panoramique horizontal", "panoramique", "balayage")
                    .add("fr", TRACKING, "travelling", "plan de suivi", "caméra suit")
                    .add("fr", TIME_LAPSE, "accéléré", "en accéléré")
                    .add(
                            "pt",
                            CLOSE_UP,
                            "primeiro plano",
                            "grande plano",
                            "de perto",
                            "plano detalhe")
                    .add(
                            "pt",
                            AERIAL,
                            "aérea",
                            "aéreo",
                            "aéreas",
                            "aéreos",
                            "vista aérea",
                            "de cima",
                            "vista de pássaro",
                            "drone",
                            "drones")
                    .add(
                            "pt",
                            WIDE,
                            "plano geral",
                            "plano aberto",
                            "grande angular",
                            "panorâmica",
                            "panorâmico")
                    .add("pt", SLOW_MOTION, "câmera lenta", "câmara lenta", "camera lenta")
                    .add("pt", PAN, "panorâmica horizontal", "panning")
                    .add(
                            "pt",
                            TRACKING,
                            "travelling",
                            "câmera acompanha",
                            "plano de acompanhamento")
                    .add("pt", TIME_LAPSE, "timelapse", "lapso de tempo")
                    .add(
                            "ru",
                            CLOSE_UP,
                            "крупный план",
                            "крупным планом",
                            "крупного плана",
                            "макросъёмк*",
                            "макросъемк*",
                            "вблизи")
                    .add(
                            "ru",
                            AERIAL,
                            "аэросъёмк*",
                            "аэросъемк*",
                            "с воздуха",
                            "с высоты",
                            "с высоты птичьего полёта",
                            "с высоты птичьего полета",
                            "дрон*",
                            "квадрокоптер*")
                    .add(
                            "ru",
                            WIDE,
                            "общий план",
                            "общим планом",
                            "общего плана",
                            "широкоугольн*",
                            "панорам*")
                    .add("ru", SLOW_MOTION, "замедленн*", "слоу-мо", "рапид*")
                    .add("ru", PAN, "панорамирован*", "камера поворачивается")
                    .add(
                            "ru",
                            TRACKING,
                            "следящ*",
                            "камера следует",
                            "камера следит",
                            "проезд камеры")
                    .add("ru", TIME_LAPSE, "таймлапс*", "ускоренная съёмка", "ускоренная съемка")
                    .add("zh", CLOSE_UP, "特写", "近景", "微距")
                    .add("zh", AERIAL, "航拍", "鸟瞰", "俯瞰", "无人机", "空中拍摄")
                    .add("zh", WIDE, "全景", "远景", "广角", "大全景")
                    .add("zh", SLOW_MOTION, "慢动作", "慢镜头")
                    .add("zh", PAN, "摇镜头", "横摇", "摇摄")
                    .add("zh", TRACKING, "跟拍", "跟踪镜头", "跟镜头", "移动镜头")
                    .add("zh", TIME_LAPSE, "延时摄影", "延时拍摄", "缩时摄影")
                    .add("ja", CLOSE_UP, "クローズアップ", "接写", "大写し")
                    .add("ja", AERIAL, "空撮", "俯瞰", "ドローン", "上空から", "空から")
                    .add("ja", WIDE, "広角", "ワイドショット", "全景", "パノラマ", "引きの画")
                    .add("ja", SLOW_MOTION, "スローモーション", "スロー映像")
                    .add("ja", PAN, "パンニング", "パンショット", "カメラをパン")
                    .add("ja", TRACKING, "トラッキング", "追跡ショット", "移動撮影", "ドリー")
                    .add("ja", TIME_LAPSE, "タイムラプス", "微速度撮影")
                    .add(
                            "hi",
                            CLOSE_UP,
                            "क्लोज़-अप",
                            "क्लोज़ अप",
                            "क्लोजअप",
                            "क्लोज़अप",
                            "नज़दीक से",
                            "करीब से")
                    .add("hi", AERIAL, "हवाई", "ऊपर से", "ड्रोन", "आसमान से")
                    .add("hi", WIDE, "वाइड शॉट", "चौड़ा दृश्य", "विहंगम", "पैनोरमा")
                    .add("hi", SLOW_MOTION, "धीमी गति", "स्लो मोशन")
                    .add("hi", PAN, "पैन शॉट", "पैनिंग")
                    .add("hi", TRACKING, "ट्रैकिंग", "पीछा करता कैमरा", "कैमरा पीछा")
                    .add("hi", TIME_LAPSE, "टाइम-लैप्स", "टाइमलैप्स", "टाइम लैप्स")
                    .add("ar", CLOSE_UP, "لقطة مقربة", "لقطة قريبة", "عن قرب", "مقربة")
                    .add(
                            "ar",
                            AERIAL,
                            "جوية",
                            "جوي",
                            "لقطة جوية",
                            "من الأعلى",
                            "من الجو",
                            "طائرة مسيرة",
                            "درون",
                            "عين الطائر")
                    .add("ar", WIDE, "لقطة واسعة", "واسعة الزاوية", "بانورامية", "بانوراما")
                    .add("ar", SLOW_MOTION, "الحركة البطيئة", "حركة بطيئة", "بطيئة الحركة")
                    .add("ar", PAN, "لقطة بانورامية أفقية", "تحريك أفقي")
                    .add("ar", TRACKING, "لقطة تتبع", "تتبع", "الكاميرا تتبع", "تلاحق الكاميرا")
                    .add("ar", TIME_LAPSE, "فاصل زمني", "تسريع زمني", "تايم لابس")
                    .build();

    /**
     * Times of day and year: dawn, morning, noon, sunset, night, spring, summer, autumn, winter.
     */
    public static final PhraseLexicon TIME =
            PhraseLexicon.builder()
                    .add(
                            "en",
                            "dawn",
                            "dawn",
                            "sunrise",
                            "daybreak",
                            "first light",
                            "daylight breaks")
                    .add("en", "morning", "morning", "mornings", "early morning", "forenoon")
                    .add("en", "noon", "noon", "midday", "high noon", "lunchtime")
                    .add(
                            "en",
                            "sunset",
                            "sunset",
                            "sunsets",
                            "dusk",
                            "evening",
                            "evenings",
                            "twilight",
                            "sundown",
                            "golden hour")
                    .add(
                            "en",
                            "night",
                            "night",
                            "nights",
                            "midnight",
                            "nighttime",
                            "night-time",
                            "tonight",
                            "starry sky",
                            "moonlight",
                            "moonlit")
                    .add(
                            "en",
                            "spring",
                            "springtime",
                            "in spring",
                            "spring day",
                            "spring morning",
                            "spring blossoms",
                            "spring flowers")
                    .add("en", "summer", "summer*", "midsummer")
                    .add("en", "autumn", "autumn*", "in the fall", "fall foliage", "fall leaves")
                    .add("en", "winter", "winter*", "wintry", "midwinter", "snowfall")
                    .add(
                            "de",
                            "dawn",
                            "morgengrauen",
                            "morgendämmerung",
                            "sonnenaufgang*",
                            "tagesanbruch")
                    .add(
                            "de",
                            "morning",
                            "am morgen",
                            "morgens",
                            "vormittag*",
                            "frühmorgens",
                            "morgenlicht",
                            "morgensonne")
                    .add("de", "noon", "mittag", "mittags", "mittagssonne", "mittagszeit")
                    .add(
                            "de",
                            "sunset",
                            "sonnenuntergang*",
                            "abend",
                            "abends",
                            "abendrot",
                            "abenddämmerung",
                            "dämmerung",
                            "abendsonne")
                    .add(
                            "de",
                            "night",
                            "nacht",
                            "nachts",
                            "mitternacht",
                            "nächte*",
                            "sternenhimmel",
                            "mondlicht",
                            "mondschein")
                    .add("de", "spring", "frühling*", "frühjahr*")
                    .add("de", "summer", "sommer*", "hochsommer")
                    .add("de", "autumn", "herbst*")
                    .add("de", "winter", "winter*")
                    .add("es", "dawn", "amanecer", "alba", "madrugada", "salida del sol")
                    .add(
                            "es",
                            "morning",
                            "por la mañana",
                            "de mañana",
                            "mañanas",
                            "a la mañana",
                            "la mañana")
                    .add("es", "noon", "mediodía", "mediodia")
                    .add(
                            "es",
                            "sunset",
                            "atardecer",
                            "puesta de sol",
                            "puesta del sol",
                            "anochecer",
                            "crepúsculo",
                            "ocaso",
                            "por la tarde")
                    .add(
                            "es",
                            "night",
                            "noche",
                            "noches",
                            "medianoche",
                            "nocturno",
                            "nocturna",
                            "cielo estrellado",
                            "luz de luna")
                    .add("es", "spring", "primavera*")
                    .add("es", "summer", "verano*", "veraniego")
                    .add("es", "autumn", "otoño*", "otoñal")
                    .add("es", "winter", "invierno*", "invernal")
                    .add(
                            "fr",
                            "dawn",
                            "aube",
                            "aurore",
                            "lever du soleil",
                            "lever de soleil",
                            "point du jour")
                    .add("fr", "morning", "matin", "matins", "matinée", "matinal", "matinale")
                    .add("fr", "noon", "midi", "en plein midi")
                    .add(
                            "fr",
                            "sunset",
                            "coucher du soleil",
                            "coucher de soleil",
                            "crépuscule",
                            "soir",
                            "soirée",
                            "soleil couchant")
                    .add(
                            "fr",
                            "night",
                            "nuit",
                            "nuits",
                            "minuit",
                            "nocturne",
                            "ciel étoilé",
                            "clair de lune")
                    .add("fr", "spring", "printemps", "printanier", "printanière")
                    .add("fr", "summer", "en été", "cet été", "estival", "estivale")
                    .add("fr", "autumn", "automne", "automnal", "automnale")
                    .add("fr", "winter", "hiver", "hivers", "hivernal", "hivernale")
                    .add(
                            "pt",
                            "dawn",
                            "amanhecer",
                            "alvorada",
                            "madrugada",
                            "nascer do sol",
                            "aurora")
                    .add("pt", "morning", "manhã", "manhãs", "de manhã", "pela manhã")
                    .add("pt", "noon", "meio-dia", "meio dia")
                    .add(
                            "pt",
                            "sunset",
                            "pôr do sol",
                            "entardecer",
                            "anoitecer",
                            "crepúsculo",
                            "à tarde",
                            "fim de tarde")
                    .add(
                            "pt",
                            "night",
                            "noite",
                            "noites",
                            "meia-noite",
                            "noturno",
                            "noturna",
                            "céu estrelado",
                            "luar")
                    .add("pt", "spring", "primavera*")
                    .add("pt", "summer", "verão", "verões", "veraneio")
                    .add("pt", "autumn", "outono*", "outonal")
                    .add("pt", "winter", "inverno*", "invernal")
                    .add("ru", "dawn", "рассвет*", "восход*", "заря", "зарёй", "зарей")
                    .add("ru", "morning", "утро", "утром", "утра", "утренн*")
                    .add("ru", "noon", "полдень", "полдня", "полуденн*")
                    .add(
                            "ru",
                            "sunset",
                            "закат*",
                            "вечер",
                            "вечером",
                            "вечерн*",
                            "сумерк*",
                            "сумерках")
                    .add(
                            "ru",
                            "night",
                            "ночь",
                            "ночью",
                            "ночи",
                            "ночн*",
                            "полночь",
                            "звёздное небо",
                            "звездное небо",
                            "лунный свет")
                    .add("ru", "spring", "весна", "весной", "весны", "весенн*")
                    .add("ru", "summer", "лето", "летом", "лета", "летн*")
                    .add("ru", "autumn", "осень", "осенью", "осени", "осенн*")
                    .add("ru", "winter", "зима", "зимой", "зимы", "зимн*")
                    .add("zh", "dawn", "黎明", "日出", "拂晓", "破晓", "清晨")
                    .add("zh", "morning", "早晨", "早上", "上午")
                    .add("zh", "noon", "中午", "正午")
                    .add("zh", "sunset", "日落", "黄昏", "傍晚", "夕阳", "晚霞")
                    .add("zh", "night", "夜幕", "夜晚", "夜里", "晚上", "夜空", "午夜", "月光", "深夜")
                    .add("zh", "spring", "春天", "春季")
                    .add("zh", "summer", "夏天", "夏季", "盛夏")
                    .add("zh", "autumn", "秋天", "秋季", "深秋")
                    .add("zh", "winter", "冬天", "冬季", "寒冬")
                    .add("ja", "dawn", "夜明け", "日の出", "明け方")
                    .add("ja", "morning", "朝", "早朝", "午前")
                    .add("ja", "noon", "正午", "昼", "真昼")
                    .add("ja", "sunset", "夕日", "夕焼け", "日没", "夕方", "黄昏", "夕暮れ")
                    .add("ja", "night", "夜", "夜空", "真夜中", "月明かり", "深夜")
                    .add("ja", "spring", "春")
                    .add("ja", "summer", "夏")
                    .add("ja", "autumn", "秋")
                    .add("ja", "winter", "冬")
                    .add("hi", "dawn", "भोर", "सूर्योदय", "उषा")
                    .add("hi", "morning", "सुबह", "सवेरे", "सवेरा", "प्रातः")
                    .add("hi", "noon", "दोपहर", "मध्याह्न")
                    .add("hi", "sunset", "सूर्यास्त", "शाम", "संध्या", "गोधूलि")
                    .add(
                            "hi",
                            "night",
                            "रात",
                            "रातों",
                            "आधी रात",
                            "चाँदनी",
                            "चांदनी",
                            "तारों भरा आसमान")
                    .add("hi", "spring", "वसंत", "बसंत")
                    .add("hi", "summer", "गर्मी", "गर्मियों", "ग्रीष्म")
                    .add("hi", "autumn", "पतझड़", "शरद")
                    .add("hi", "winter", "सर्दी", "सर्दियों", "जाड़े", "शीत")
                    .add("ar", "dawn", "فجر", "الفجر", "شروق", "الشروق", "شروق الشمس", "بزوغ الفجر")
                    .add("ar", "morning", "صباح", "الصباح", "صباحا", "صباحًا")
                    .add("ar", "noon", "ظهر", "الظهر", "الظهيرة", "منتصف النهار")
                    .add("ar", "sunset", "غروب", "الغروب", "غروب الشمس", "مساء", "المساء", "الغسق")
                    .add(
                            "ar",
                            "night",
                            "ليل",
                            "الليل",
                            "ليلا",
                            "ليلًا",
                            "منتصف الليل",
                            "ضوء القمر",
                            "ليلة")
                    .add("ar", "spring", "ربيع", "الربيع")
                    .add("ar", "summer", "صيف", "الصيف")
                    .add("ar", "autumn", "خريف", "الخريف")
                    .add("ar", "winter", "شتاء", "الشتاء")
                    .build();

    /** Mood words: joyful, calm, tense, sad. A scene without any is neutral. */
    public static final PhraseLexicon MOOD =
            PhraseLexicon.builder()
                    .add(
                            "en",
                            JOYFUL,
                            "happy",
                            "happily",
                            "happiness",
                            "joy",
                            "joyful*",
                            "joyous",
                            "cheerful*",
                            "laugh*",
                            "smile",
                            "smiles",
                            "smiling",
                            "celebrat*",
                            "delight*",
                            "fun",
                            "playful*",
                            "festive",
                            "party",
                            "excited",
                            "exciting",
                            "cheer",
                            "cheers",
                            "dancing",
                            "glad")
                    .add(
                            "en",
                            CALM,
                            "calm*",
                            "peace",
                            "peaceful*",
                            "quiet*",
                            "serene",
                            "serenity",
                            "tranquil*",
                            "gentle",
                            "gently",
                            "relax*",
                            "soothing",
                            "silent",
                            "silence",
                            "still water",
                            "idyllic",
                            "restful")
                    .add(
                            "en",
                            TENSE,
                            "tense",
                            "tension",
                            "danger*",
                            "fear*",
                            "afraid",
                            "threat*",
                            "storm",
                            "storms",
                            "stormy",
                            "chase",
                            "chased",
                            "chasing",
                            "suspense*",
                            "urgent*",
                            "panic*",
                            "war",
                            "battle*",
                            "explosion*",
                            "explode*",
                            "escape",
                            "scream*",
                            "terrif*",
                            "menacing",
                            "dark clouds")
                    .add(
                            "en",
                            SAD,
                            "sad",
                            "sadly",
                            "sadness",
                            "sorrow*",
                            "grief",
                            "griev*",
                            "cry",
                            "cries",
                            "crying",
                            "tears",
                            "lonely",
                            "loneliness",
                            "melanchol*",
                            "mourn*",
                            "gloomy",
                            "funeral",
                            "heartbroken",
                            "farewell")
                    .add(
                            "de",
                            JOYFUL,
                            "fröhlich*",
                            "freude*",
                            "freut",
                            "glücklich*",
                            "lach*",
                            "lächel*",
                            "feier*",
                            "lustig*",
                            "heiter*",
                            "spaß",
                            "jubel*",
                            "tanz*")
                    .add(
                            "de",
                            CALM,
                            "ruhig*",
                            "ruhe",
                            "friedlich*",
                            "frieden",
                            "still*",
                            "sanft*",
                            "gelassen*",
                            "entspann*",
                            "gemächlich*",
                            "idyllisch*",
                            "beschaulich*")
                    .add(
                            "de",
                            TENSE,
                            "angst",
                            "ängstlich*",
                            "gefahr*",
                            "gefährlich*",
                            "spannung*",
                            "angespannt*",
                            "bedroh*",
                            "sturm",
                            "stürmisch*",
                            "panik*",
                            "krieg*",
                            "kampf",
                            "kämpf*",
                            "flucht",
                            "verfolg*",
                            "explosion*",
                            "schrei*")
                    .add(
                            "de",
                            SAD,
                            "traurig*",
                            "trauer*",
                            "weint",
                            "weinen",
                            "weinend*",
                            "tränen",
                            "einsam*",
                            "verlust*",
                            "melanchol*",
                            "abschied*",
                            "kummer",
                            "schwermut*")
                    .add(
                            "es",
                            JOYFUL,
                            "feliz",
                            "felices",
                            "felicidad",
                            "alegr*",
                            "ríe",
                            "ríen",
                            "risa*",
                            "sonri*",
                            "celebr*",
                            "fiesta*",
                            "diversión",
                            "divertid*",
                            "júbilo",
                            "baila*")
                    .add(
                            "es",
                            CALM,
                            "calma",
                            "calmado",
                            "calmada",
                            "tranquil*",
                            "paz",
                            "pacífic*",
                            "seren*",
                            "silencio*",
                            "suave*",
                            "sosiego",
                            "apacible*",
                            "idílic*")
                    .add(
                            "es",
                            TENSE,
                            "tensi*",
                            "tenso",
                            "tensa",
                            "peligr*",
                            "miedo*",
                            "amenaz*",
                            "tormenta*",
                            "pánico",
                            "guerra*",
                            "batalla*",
                            "persecuci*",
                            "explosi*",
                            "grit*",
                            "huida",
                            "terror*")
                    .add(
                            "es",
                            SAD,
                            "triste*",
                            "tristeza",
                            "llor*",
                            "lágrimas",
                            "soledad",
                            "solitari*",
                            "pérdida",
                            "duelo",
                            "melancol*",
                            "despedida*",
                            "pena")
                    .add(
                            "fr",
                            JOYFUL,
                            "heureux",
                            "heureuse*",
                            "bonheur",
                            "joie*",
                            "joyeu*",
                            "rire*",
                            "rient",
                            "sourire*",
                            "sourit",
                            "célébr*",
                            "fête*",
                            "amusant*",
                            "gai",
                            "gaie",
                            "danse*")
                    .add(
                            "fr",
                            CALM,
                            "calme*",
                            "paisible*",
                            "tranquille*",
                            "tranquillité",
                            "serein*",
                            "sérénité",
                            "doux",
                            "douce*",
                            "silence*",
                            "paix",
                            "apais*",
                            "idyllique*")
                    .add(
                            "fr",
                            TENSE,
                            "tendu*",
                            "tension*",
                            "danger*",
                            "peur*",
                            "menace*",
                            "tempête*",
                            "panique*",
                            "guerre*",
                            "bataille*",
                            "poursuite*",
                            "explosion*",
                            "cri",
                            "cris",
                            "terreur",
                            "fuite")
                    .add(
                            "fr",
                            SAD,
                            "triste*",
                            "tristesse",
                            "pleur*",
                            "larmes",
                            "solitude",
                            "deuil",
                            "chagrin",
                            "mélancol*",
                            "adieu*",
                            "perte")
                    .add(
                            "pt",
                            JOYFUL,
                            "feliz",
                            "felizes",
                            "felicidade",
                            "alegr*",
                            "riem",
                            "riso*",
                            "sorri*",
                            "celebr*",
                            "festa*",
                            "diversão",
                            "divertid*",
                            "dança*")
                    .add(
                            "pt",
                            CALM,
                            "calma",
                            "calmo",
                            "tranquil*",
                            "paz",
                            "pacífic*",
                            "seren*",
                            "silêncio*",
                            "suave*",
                            "sossego")
                    .add(
                            "pt",
                            TENSE,
                            "tens*",
                            "perig*",
                            "medo*",
                            "ameaç*",
                            "tempestade*",
                            "pânico",
                            "guerra*",
                            "batalha*",
                            "persegui*",
                            "explos*",
                            "grit*",
                            "fuga",
                            "terror*")
                    .add(
                            "pt",
                            SAD,
                            "triste*",
                            "tristeza",
                            "chor*",
                            "lágrimas",
                            "solidão",
                            "solitári*",
                            "perda",
                            "luto",
                            "melancol*",
                            "despedida*")
                    .add(
                            "ru",
                            JOYFUL,
                            "радост*",
                            "радуют*",
                            "весел*",
                            "весёл*",
                            "счастлив*",
                            "счасть*",
                            "смех*",
                            "смеют*",
                            "улыб*",
                            "праздн*")
                    .add(
                            "ru",
                            CALM,
                            "спокойн*",
                            "покой",
                            "тих*",
                            "тишин*",
                            "мирн*",
                            "безмятежн*",
                            "умиротвор*",
                            "безветр*")
                    .add(
                            "ru", TENSE, "напряж*", "опасн*", "страх*", "страш*", "угроз*", "буря",
                            "бури", "бурю", "войн*", "погон*", "взрыв*", "крик*", "паник*",
                            "тревог*")
                    .add(
                            "ru", SAD, "грустн*", "грусть", "печал*", "слёз*", "слез*", "плач*",
                            "одинок*", "тоск*", "прощан*", "утрат*")
                    .add("zh", JOYFUL, "快乐", "开心", "欢乐", "高兴", "喜悦", "欢笑", "庆祝", "笑容")
                    .add("zh", CALM, "平静", "宁静", "安静", "祥和", "悠闲", "静谧", "安详")
                    .add("zh", TENSE, "紧张", "危险", "恐惧", "害怕", "暴风雨", "战争", "追逐", "爆炸", "尖叫", "惊慌")
                    .add("zh", SAD, "悲伤", "难过", "伤心", "哭泣", "眼泪", "孤独", "忧郁", "告别", "离别")
                    .add("ja", JOYFUL, "楽しい", "楽しそう", "嬉しい", "喜び", "笑顔", "笑い", "祭り", "お祝い")
                    .add("ja", CALM, "静か", "穏やか", "平和", "安らぎ", "静寂", "のどか", "落ち着")
                    .add("ja", TENSE, "緊張", "危険", "恐怖", "怖い", "嵐", "戦争", "爆発", "叫び", "追われ")
                    .add("ja", SAD, "悲しい", "悲しみ", "涙", "泣", "孤独", "寂しい", "別れ")
                    .add(
                            "hi", JOYFUL, "खुश", "ख़ुश", "खुशी", "ख़ुशी", "आनंद", "हँसी", "हंसी",
                            "मुस्कान", "उत्सव", "जश्न")
                    .add("hi", CALM, "शांत", "शांति", "सुकून", "सुकून भरा", "निर्मल", "सौम्य")
                    .add(
                            "hi", TENSE, "तनाव", "खतरा", "ख़तरा", "खतरनाक", "ख़तरनाक", "डर", "भय",
                            "तूफान", "तूफ़ान", "युद्ध", "विस्फोट", "चीख")
                    .add(
                            "hi", SAD, "उदास", "दुख", "दुःख", "आँसू", "आंसू", "रोना", "रोती",
                            "रोता", "अकेला", "अकेली", "अकेलापन", "विदाई")
                    .add(
                            "ar", JOYFUL, "سعيد", "سعيدة", "سعادة", "السعادة", "فرح", "الفرح",
                            "فرحة", "بهجة", "ضحك", "يضحك", "ابتسامة", "احتفال")
                    .add(
                            "ar", CALM, "هادئ", "هادئة", "هادئا", "هدوء", "الهدوء", "سكينة",
                            "السكينة", "طمأنينة", "ساكن", "ساكنة")
                    .add(
                            "ar", TENSE, "توتر", "التوتر", "خطر", "الخطر", "خوف", "الخوف", "عاصفة",
                            "العاصفة", "حرب", "الحرب", "مطاردة", "انفجار", "صراخ", "ذعر")
                    .add(
                            "ar", SAD, "حزين", "حزينة", "حزن", "الحزن", "بكاء", "يبكي", "دموع",
                            "الدموع", "وحيد", "وحيدة", "وداع", "الوداع", "فقدان")
                    .build();

    private Lexicons() {}

    /** Whether {@code phrase} is or holds a camera, time or mood word of {@code language}. */
    public static boolean isCue(String phrase, String language) {
        List<Token> tokens = tokens(phrase, language);
        return !CAMERA.find(tokens, language).isEmpty()
                || !TIME.find(tokens, language).isEmpty()
                || !MOOD.find(tokens, language).isEmpty();
    }

    /** Whether {@code phrase} is or holds a camera word of {@code language} ("aerial view"). */
    public static boolean isCameraCue(String phrase, String language) {
        return !CAMERA.find(tokens(phrase, language), language).isEmpty();
    }

    private static List<Token> tokens(String phrase, String language) {
        return Tokenizer.tokenize(
                phrase, language.equals("und") ? ULocale.ROOT : new ULocale(language));
    }

    /** The move a {@link #CAMERA} label stands for. */
    public static CameraMove cameraMove(String label) {
        return Vocabulary.cameraMove(label);
    }

    /** The mood a {@link #MOOD} label stands for. */
    public static Mood mood(String label) {
        return Vocabulary.mood(label);
    }
}
