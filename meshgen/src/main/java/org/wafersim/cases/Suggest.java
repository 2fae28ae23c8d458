package org.wafersim.cases;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...?" hints for misspelt keys, materials and choices. */
final class Suggest {
    private Suggest() { }

    /** {@code " (did you mean 'x'?)"}, or an empty string when no candidate is close enough. */
    static String didYouMean(String given, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(g, c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best == null || best.equals(given)) return "";
        int limit = Math.max(1, Math.min(3, given.length() / 3));
        return bestD <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance (Apache Commons Text). */
    static int distance(String a, String b) { return LevenshteinDistance.getDefaultInstance().apply(a, b); }
}
