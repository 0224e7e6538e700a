package io.reelflow.operators.render;

import java.util.List;

/** Short texts in the scripts requests arrive in, and in scripts no bundled font has. */
public final class ScriptSamples {

    /**
     * A text in one script.
     *
     * @param script the script's name
     * @param language ISO 639-1 code of a language written in it
     * @param text a greeting or a line of verse
     * @param family a part of the family name of the bundled font that should draw it
     */
    public record Sample(String script, String language, String text, String family) {
        @Override
        public String toString() {
            return script;
        }
    }

    /** Every script the bundled fonts must draw. */
    public static final List<Sample> COVERED =
            List.of(
                    new Sample("Latin", "de", "Grüße aus Köln, ça va? Đà Nẵng", "Roboto"),
                    new Sample("Cyrillic", "ru", "Привет, мир! Ёлка", "Roboto"),
                    new Sample("Greek", "el", "Καλημέρα κόσμε", "Roboto"),
                    new Sample("Arabic", "ar", "مرحبا بالعالم", "Naskh Arabic"),
                    new Sample("Hebrew", "he", "שלום עולם", "Hebrew"),
                    new Sample("Devanagari", "hi", "नमस्ते दुनिया", "Devanagari"),
                    new Sample("Bengali", "bn", "হ্যালো বিশ্ব", "Bengali"),
                    new Sample("Gurmukhi", "pa", "ਸਤ ਸ੍ਰੀ ਅਕਾਲ", "Gurmukhi"),
                    new Sample("Gujarati", "gu", "નમસ્તે દુનિયા", "Gujarati"),
                    new Sample("Oriya", "or", "ନମସ୍କାର ଦୁନିଆ", "Oriya"),
                    new Sample("Tamil", "ta", "வணக்கம் உலகம்", "Tamil"),
                    new Sample("Telugu", "te", "నమస్కారం ప్రపంచం", "Telugu"),
                    new Sample("Kannada", "kn", "ನಮಸ್ಕಾರ ಪ್ರಪಂಚ", "Kannada"),
                    new Sample("Malayalam", "ml", "നമസ്കാരം ലോകം", "Malayalam"),
                    new Sample("Thai", "th", "สวัสดีชาวโลก", "Thai"),
                    new Sample("Lao", "lo", "ສະບາຍດີ ໂລກ", "Lao"),
                    new Sample("Khmer", "km", "សួស្តី ពិភពលោក", "Khmer"),
                    new Sample("Myanmar", "my", "မင်္ဂလာပါ ကမ္ဘာ", "Myanmar"),
                    new Sample("Sinhala", "si", "ආයුබෝවන් ලෝකය", "Sinhala"),
                    new Sample("Georgian", "ka", "გამარჯობა მსოფლიო", "Georgian"),
                    new Sample("Armenian", "hy", "Բարեւ աշխարհ", "Armenian"),
                    new Sample("Ethiopic", "am", "ሰላም ልዑል", "Ethiopic"),
                    new Sample("Hangul", "ko", "안녕하세요 세계", "CJK"),
                    new Sample("Han", "zh", "《静夜思》床前明月光，疑是地上霜。", "CJK"),
                    new Sample("Kana", "ja", "こんにちは、カタカナ", "CJK"),
                    new Sample("Tibetan", "bo", "བཀྲ་ཤིས་བདེ་ལེགས།", "Tibetan"),
                    new Sample("Cherokee", "chr", "ᎣᏏᏲ ᏙᏓᏓᎪᎲᎢ", "Cherokee"));

    /** Old Hungarian (U+10C80..), which no bundled font has. */
    public static final String OLD_HUNGARIAN = "\uD803\uDC80\uD803\uDC81\uD803\uDC82";

    /** Tangut (U+17000..), which no bundled font has. */
    public static final String TANGUT = "\uD81C\uDC00\uD81C\uDC01";

    /** Bassa Vah (U+16AD0..), which no bundled font has. */
    public static final String BASSA_VAH = "\uD81A\uDED0\uD81A\uDED1";

    private ScriptSamples() {}
}
