package org.wafersim.power;

import org.wafersim.geometry.CoreArray;

/** Writes per-core values as a core-level CSV map: one line per global core row (lowest y first). */
final class CoreMapCsv {
    private CoreMapCsv() { }

    static String write(CoreArray a, double[] perCore) {
        StringBuilder sb = new StringBuilder("# core-level power map, ").append(a.globalRows()).append(" x ")
                .append(a.globalColumns()).append('\n');
        for (int gr = 0; gr < a.globalRows(); gr++) {
            for (int gc = 0; gc < a.globalColumns(); gc++) {
                if (gc > 0) sb.append(',');
                sb.append(perCore[SmallWafer.core(a, gc, gr)]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
