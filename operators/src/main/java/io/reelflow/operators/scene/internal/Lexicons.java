package io.reelflow.operators.scene.internal;

/**
 * The built-in English, German, Spanish and French word lists for camera cues, times of day or
 * year, and moods. Small on purpose: each entry is a phrase a writer uses to ask for that shot,
 * time or feeling; ambiguous words (English "pan", "fall", "still") are left out or only matched in
 * a phrase. English camera terms ("drone", "time-lapse") are looked for in texts of every language;
 * time and mood words only in their own language (German "war" means "was").
 */
public final class Lexicons {

    public static final String CLOSE_UP = "close-up";
    public static final String AERIAL = "aerial";
    public static final String WIDE = "wide";
    public static final String SLOW_MOTION = "slow motion";
    public static final String PAN = "pan";
    public static final String TRACKING = "tracking";
    public static final String TIME_LAPSE = "time-lapse";

    public static final String JOYFUL = "joyful";
    public static final String CALM = "calm";
    public static final String TENSE = "tense";
    public static final String SAD = "sad";
    public static final String NEUTRAL = "neutral";

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
                    .build();

    private Lexicons() {}
}
