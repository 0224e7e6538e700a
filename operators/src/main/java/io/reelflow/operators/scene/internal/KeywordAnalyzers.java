package io.reelflow.operators.scene.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * One Lucene analyzer per language (stop words and stemming), shared by all threads: Lucene
 * analyzers are thread-safe and keep their token streams per thread. Languages without an analyzer
 * get a {@link StandardAnalyzer} without stop words (the caller applies its own lists).
 */
public final class KeywordAnalyzers {

    /** A term the analyzer kept: its stem and where its surface form is in the text. */
    public interface TermSink {
        void accept(String stem, int start, int end, boolean number);
    }

    private static final Map<String, Supplier<Analyzer>> FACTORIES =
            Map.ofEntries(
                    Map.entry("ar", ArabicAnalyzer::new),
                    Map.entry("bg", BulgarianAnalyzer::new),
                    Map.entry("bn", BengaliAnalyzer::new),
                    Map.entry("ca", CatalanAnalyzer::new),
                    Map.entry("ckb", SoraniAnalyzer::new),
                    Map.entry("cs", CzechAnalyzer::new),
                    Map.entry("da", DanishAnalyzer::new),
                    Map.entry("de", GermanAnalyzer::new),
                    Map.entry("el", GreekAnalyzer::new),
                    Map.entry("en", EnglishAnalyzer::new),
                    Map.entry("es", SpanishAnalyzer::new),
                    Map.entry("et", EstonianAnalyzer::new),
                    Map.entry("eu", BasqueAnalyzer::new),
                    Map.entry("fa", PersianAnalyzer::new),
                    Map.entry("fi", FinnishAnalyzer::new),
                    Map.entry("fr", FrenchAnalyzer::new),
                    Map.entry("ga", IrishAnalyzer::new),
                    Map.entry("gl", GalicianAnalyzer::new),
                    Map.entry("hi", HindiAnalyzer::new),
                    Map.entry("hu", HungarianAnalyzer::new),
                    Map.entry("hy", ArmenianAnalyzer::new),
                    Map.entry("id", IndonesianAnalyzer::new),
                    Map.entry("it", ItalianAnalyzer::new),
                    Map.entry(
                            "ja",
                            () ->
                                    new JapaneseAnalyzer(
                                            null,
                                            JapaneseTokenizer.Mode.NORMAL,
                                            JapaneseAnalyzer.getDefaultStopSet(),
                                            JapaneseAnalyzer.getDefaultStopTags())),
                    Map.entry("ko", CJKAnalyzer::new),
                    Map.entry("lt", LithuanianAnalyzer::new),
                    Map.entry("lv", LatvianAnalyzer::new),
                    Map.entry("ne", NepaliAnalyzer::new),
                    Map.entry("nl", DutchAnalyzer::new),
                    Map.entry("no", NorwegianAnalyzer::new),
                    Map.entry("nb", NorwegianAnalyzer::new),
                    Map.entry("nn", NorwegianAnalyzer::new),
                    Map.entry("pt", PortugueseAnalyzer::new),
                    Map.entry("ro", RomanianAnalyzer::new),
                    Map.entry("ru", RussianAnalyzer::new),
                    Map.entry("sr", SerbianAnalyzer::new),
                    Map.entry("sv", SwedishAnalyzer::new),
                    Map.entry("ta", TamilAnalyzer::new),
                    Map.entry("te", TeluguAnalyzer::new),
                    Map.entry("th", ThaiAnalyzer::new),
                    Map.entry("tr", TurkishAnalyzer::new),
                    Map.entry("zh", SmartChineseAnalyzer::new));

    private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

    private KeywordAnalyzers() {}

    /** Whether {@code language} has its own analyzer (else the standard one is used). */
    public static boolean hasAnalyzer(String language) {
        return FACTORIES.containsKey(language);
    }

    /** The analyzer for an ISO 639-1 code; the standard analyzer for anything else. */
    public static Analyzer forLanguage(String language) {
        String key = FACTORIES.containsKey(language) ? language : "*";
        return ANALYZERS.computeIfAbsent(
                key,
                k ->
                        k.equals("*")
                                ? new StandardAnalyzer(CharArraySet.EMPTY_SET)
                                : FACTORIES.get(k).get());
    }

    /** Runs the analyzer of {@code language} over {@code text} and reports every term kept. */
    public static void analyze(String text, String language, TermSink sink) {
        try (TokenStream stream = forLanguage(language).tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = Math.max(0, Math.min(text.length(), offset.startOffset()));
                int end = Math.max(start, Math.min(text.length(), offset.endOffset()));
                sink.accept(term.toString(), start, end, isNumber(type.type()));
            }
            stream.end();
        } catch (IOException e) {
            // a StringReader does not fail; keep the signature clean for callers
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNumber(String type) {
        return type.equals("<NUM>") || type.equals("<NUMERIC>");
    }
}
