package io.reelflow.benchmarks.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps ISO 639-3 codes (corpus labels, OpenNLP's answers) to the ISO 639-1 codes our detector
 * reports. The explicit table covers every label of the UDHR corpus, including individual languages
 * whose ISO 639-1 code belongs to their macro-language (arb → ar, cmn → zh, ...); other codes go
 * through the JDK's ISO 639-2/T table.
 */
public final class Iso639 {

    /** Corpus label → ISO 639-1, as documented in {@code benchmarks/README.md}. */
    static final Map<String, String> CORPUS_LABELS =
            table(
                    "afr af", "amh am", "arb ar", "bel be", "ben bn", "bos bs", "bul bg", "cat ca",
                    "ces cs", "cmn zh", "cym cy", "dan da", "deu de", "ell el", "eng en", "epo eo",
                    "eus eu", "fin fi", "fra fr", "gle ga", "guj gu", "heb he", "hin hi", "hrv hr",
                    "hun hu", "hye hy", "ind id", "isl is", "ita it", "jpn ja", "kan kn", "kat ka",
                    "kaz kk", "khm km", "kor ko", "lao lo", "lat la", "lit lt", "lug lg", "mal ml",
                    "mar mr", "mkd mk", "mya my", "nld nl", "nob nb", "npi ne", "pan pa", "pes fa",
                    "pol pl", "por pt", "ron ro", "rus ru", "sin si", "slk sk", "slv sl", "sna sn",
                    "som so", "sot st", "spa es", "srp sr", "swe sv", "swh sw", "tam ta", "tel te",
                    "tgl tl", "tha th", "tsn tn", "tso ts", "tur tr", "ukr uk", "urd ur", "uzn uz",
                    "vie vi", "xho xh", "yor yo", "zul zu");

    /** Individual languages outside the corpus that OpenNLP's model answers with. */
    private static final Map<String, String> OTHER_INDIVIDUAL_LANGUAGES =
            table("ekk et", "lvs lv", "pnb pa", "zsm ms", "nno nn", "uzb uz", "nep ne", "fas fa");

    private static final Map<String, String> JDK = new HashMap<>();

    static {
        for (String part1 : Locale.getISOLanguages()) {
            String part3 = new Locale(part1).getISO3Language();
            if (!part3.isEmpty()) {
                JDK.putIfAbsent(part3, part1);
            }
        }
    }

    private Iso639() {}

    /** The ISO 639-1 code for an ISO 639-3 code, or empty when it has none. */
    public static Optional<String> toPart1(String part3) {
        String code = part3.strip().toLowerCase(Locale.ROOT);
        String mapped = CORPUS_LABELS.get(code);
        if (mapped == null) {
            mapped = OTHER_INDIVIDUAL_LANGUAGES.get(code);
        }
        if (mapped == null) {
            mapped = JDK.get(code);
        }
        return Optional.ofNullable(mapped);
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (String pair : pairs) {
            String[] parts = pair.split(" ");
            map.put(parts[0], parts[1]);
        }
        return Map.copyOf(map);
    }
}
