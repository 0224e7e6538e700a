package io.reelflow.operators.scene.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a request's text to what is spoken or subtitled: Markdown markup, code, URLs, HTML tags,
 * emoji and control characters go; paragraphs, headings and list items become lines of their own
 * (so they end a sentence), and whitespace inside a line collapses to one space.
 *
 * <p>Never throws: unpaired surrogates and control characters are dropped first. Every pattern is
 * bounded, so a megabyte on one line costs linear time.
 */
public final class TextNormalizer {

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^\\s{0,3}\\[[^\\]]{1,200}]:\\s*\\S+.*$");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_=])(\\s*\\1){2,}\\s*$");
    private static final Pattern TABLE_SEPARATOR =
            Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*(:?-{3,}:?\\s*)?\\|?\\s*$");
    private static final Pattern HEADING =
            Pattern.compile("^\\s{0,3}#{1,6}(\\s+|$)(.*?)(\\s+#+)?\\s*$");
    private static final Pattern BLOCKQUOTE = Pattern.compile("^\\s{0,3}(>\\s?)+");
    private static final Pattern LIST_ITEM =
            Pattern.compile("^\\s*([-*+\\u2022\\u2023\\u25E6\\u2043]|\\d{1,3}[.)])\\s+");

    private static final Pattern DIALOGUE_DASH = Pattern.compile("^\\s*[\\u2014\\u2013\\u2015]\\s");

    private static final Pattern IMAGE =
            Pattern.compile("!\\[[^\\]\\n]{0,500}]\\([^)\\n]{0,2000}\\)");
    private static final Pattern LINK =
            Pattern.compile("\\[([^\\]\\n]{0,500})]\\([^)\\n]{0,2000}\\)");
    private static final Pattern REFERENCE_LINK =
            Pattern.compile("\\[([^\\]\\n]{1,500})]\\[[^\\]\\n]{0,200}]");
    private static final Pattern AUTOLINK =
            Pattern.compile("<(?:https?|ftp|mailto):[^>\\s]{0,2000}>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^<>\\n]{0,500}>");
    private static final Pattern URL =
            Pattern.compile("\\b(?:(?:https?|ftp)://|www\\.)\\S{1,2000}", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_CODE = Pattern.compile("`{1,3}([^`\\n]{0,500})`{1,3}");
    private static final Pattern STRONG =
            Pattern.compile("(\\*\\*|__)(?=\\S)([^\\n]{1,500}?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS =
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])([*_])(?=\\S)([^\\n]{1,500}?)(?<=\\S)\\1(?![\\p{L}\\p{N}])");
    private static final Pattern STRIKETHROUGH = Pattern.compile("~~([^\\n]{1,500}?)~~");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}&])#(?=\\p{L})");
    private static final Pattern LEFTOVER_MARKUP = Pattern.compile("\\*+|\\|");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    private TextNormalizer() {}

    /**
     * The speakable text of {@code text}: one line per paragraph, heading, list item or table row,
     * separated by {@code '\n'}; empty when nothing speakable remains.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String[] lines = sanitize(text).split("\n", -1);
        List<String> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean inFence = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                flush(paragraph, blocks);
                continue;
            }
            if (inFence) {
                continue;
            }
            if (line.isBlank()
                    || RULE.matcher(line).matches()
                    || TABLE_SEPARATOR.matcher(line).matches()) {
                flush(paragraph, blocks);
                continue;
            }
            if (REFERENCE_DEFINITION.matcher(line).matches()) {
                continue;
            }
            boolean ownBlock = false;
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                line = heading.group(2);
                ownBlock = true;
            }
            line = BLOCKQUOTE.matcher(line).replaceFirst("");
            Matcher item = LIST_ITEM.matcher(line);
            if (item.find()) {
                line = line.substring(item.end());
                ownBlock = true;
            }
            if (DIALOGUE_DASH.matcher(line).find()) {
                ownBlock = true; // a new speaker's line; the dash stays, it is subtitled
            }
            if (line.indexOf('|') >= 0 && line.chars().filter(c -> c == '|').count() >= 2) {
                ownBlock = true; // a table row
            }
            String speakable = inline(line);
            if (!hasLetterOrDigit(speakable)) {
                continue; // emoji-only, punctuation-only or markup-only line
            }
            if (ownBlock) {
                flush(paragraph, blocks);
                blocks.add(speakable);
            } else {
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(speakable);
            }
        }
        flush(paragraph, blocks);
        return String.join("\n", blocks);
    }

    /** Markdown inline markup, links, URLs and emoji removed; whitespace collapsed; trimmed. */
    static String inline(String line) {
        String s = line;
        s = IMAGE.matcher(s).replaceAll("");
        s = LINK.matcher(s).replaceAll("$1");
        s = REFERENCE_LINK.matcher(s).replaceAll("$1");
        s = AUTOLINK.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll(" ");
        s = URL.matcher(s).replaceAll("");
        s = INLINE_CODE.matcher(s).replaceAll("$1");
        s = STRONG.matcher(s).replaceAll("$2");
        s = EMPHASIS.matcher(s).replaceAll("$2");
        s = STRIKETHROUGH.matcher(s).replaceAll("$1");
        s = HASHTAG.matcher(s).replaceAll("");
        s = LEFTOVER_MARKUP.matcher(s).replaceAll(" ");
        s = stripEmoji(s);
        return WHITESPACE.matcher(s).replaceAll(" ").trim();
    }

    /**
     * Drops unpaired surrogates, control and format characters (keeping line breaks, tabs and the
     * joiners some scripts need) and unifies line breaks to {@code '\n'}.
     */
    static String sanitize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                sb.append('\n');
            } else if (cp == '\n' || cp == '\u2028' || cp == '\u2029' || cp == '\u0085') {
                sb.append('\n');
            } else if (cp == '\t') {
                sb.append(' ');
            } else if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                // unpaired surrogate: nothing to speak
            } else {
                int type = Character.getType(cp);
                boolean joiner = cp == 0x200C || cp == 0x200D;
                if (type != Character.CONTROL
                        && type != Character.UNASSIGNED
                        && type != Character.PRIVATE_USE
                        && (type != Character.FORMAT || joiner)) {
                    sb.appendCodePoint(cp);
                }
            }
        }
        return sb.toString();
    }

    /** Removes pictographs and the modifiers, joiners and selectors that build emoji sequences. */
    static String stripEmoji(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean emoji = isEmojiPart(cp);
            if (cp == 0x200D) {
                // a joiner inside an emoji sequence goes with it; one between letters stays
                emoji =
                        (i > 0 && isEmojiPart(s.codePointBefore(i)))
                                || (next < s.length() && isEmojiPart(s.codePointAt(next)));
            }
            if (emoji && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            } else if (!emoji && sb != null) {
                sb.appendCodePoint(cp);
            }
            i = next;
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isEmojiPart(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)
                || UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR)
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_COMPONENT)
                        && !isAsciiOrJoiner(cp)
                || cp == 0xFE0F
                || cp == 0xFE0E
                || cp == 0x20E3
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    /** Digits, '#', '*' and ZWJ are emoji components too, but mean something on their own. */
    private static boolean isAsciiOrJoiner(int cp) {
        return cp < 0x80 || cp == 0x200D;
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static void flush(StringBuilder paragraph, List<String> blocks) {
        if (paragraph.length() > 0) {
            blocks.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
