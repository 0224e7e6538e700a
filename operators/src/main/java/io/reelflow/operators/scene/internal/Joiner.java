package io.reelflow.operators.scene.internal;

import java.util.List;

/** Joins pieces of text the way their script expects: with a space, or none between CJK/Thai. */
public final class Joiner {

    private Joiner() {}

    public static String join(String left, String right) {
        return join(List.of(left, right));
    }

    public static String join(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (sb.length() > 0
                    && needsSpace(sb.codePointBefore(sb.length()), part.codePointAt(0))) {
                sb.append(' ');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static boolean needsSpace(int last, int first) {
        return !(isSpacelessOrFullWidth(last) && isSpacelessOrFullWidth(first));
    }

    private static boolean isSpacelessOrFullWidth(int cp) {
        return Tokenizer.isSpaceless(cp)
                || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
