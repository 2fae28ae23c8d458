package org.wafersim.cases;

import java.util.Collection;
import java.util.Locale;

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

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
