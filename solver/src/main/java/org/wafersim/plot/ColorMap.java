package org.wafersim.plot;

/**
 * A perceptually uniform colour map: matplotlib's "inferno" (van der Walt and Smith, 2015), kept as 33 of its 256
 * entries (every 8th, plus the last) and interpolated linearly in sRGB; the largest deviation from the full table is
 * 1.4/255 per channel. Inferno runs from black through purple and orange to pale yellow, so it reads as "cold to hot",
 * stays monotonic in lightness (it prints well in grey) and is readable for the common colour-vision deficiencies.
 */
public final class ColorMap {
    /** The inferno table: 0xRRGGBB at the positions {@link #POSITIONS} (entry index / 255). */
    private static final int[] INFERNO = {
        0x000004, 0x040312, 0x0b0724, 0x150b37, 0x210c4a, 0x2f0a5b, 0x3d0965, 0x4a0c6b, 0x57106e, 0x64156e, 0x71196e,
        0x7d1e6d, 0x8a226a, 0x972766, 0xa32c61, 0xb0315b, 0xbc3754, 0xc73e4c, 0xd24644, 0xdb503b, 0xe45a31, 0xeb6628,
        0xf1731d, 0xf68013, 0xf98e09, 0xfb9d07, 0xfcac11, 0xfbbc21, 0xf9cb35, 0xf5db4c, 0xf2ea69, 0xf3f68a, 0xfcffa4};
    private static final double[] INFERNO_POSITIONS = new double[INFERNO.length];

    static {
        for (int s = 0; s < INFERNO.length - 1; s++) INFERNO_POSITIONS[s] = 8.0 * s / 255.0;
        INFERNO_POSITIONS[INFERNO.length - 1] = 1.0;
    }

    /**
     * ColorBrewer "RdBu" with 11 classes (Brewer, Harrower and the Pennsylvania State University, colorbrewer2.org),
     * reversed so that negative is blue and positive red, with white-grey (#f7f7f7) in the middle: for signed fields
     * (warpage, displacement, normal and shear stress) drawn on a scale centred on zero, the sign reads at a glance.
     */
    private static final int[] RDBU = {
        0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f};

    /** The default map (sequential, for fields of one sign such as temperature). */
    public static final ColorMap INFERNO_MAP = new ColorMap("inferno", INFERNO, INFERNO_POSITIONS);
    /** The diverging map, for signed fields on a scale centred on zero. */
    public static final ColorMap DIVERGING_MAP = new ColorMap("RdBu (reversed)", RDBU, even(RDBU.length));

    private final String name;
    private final int[] table;
    private final double[] positions;

    private ColorMap(String name, int[] table, double[] positions) {
        this.name = name;
        this.table = table;
        this.positions = positions;
    }

    private static double[] even(int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) p[i] = (double) i / (n - 1);
        return p;
    }

    /** The map's name (for tests and titles). */
    public String name() {
        return name;
    }

    /** The colour (0xRRGGBB, opaque) at {@code t} in [0, 1]; values outside are clamped, NaN gives the low end. */
    public int rgb(double t) {
        if (!(t > 0)) return table[0];
        if (t >= 1) return table[table.length - 1];
        int s = Math.min(table.length - 2, (int) (t * (table.length - 1)));
        while (s > 0 && t < positions[s]) s--;
        while (s < table.length - 2 && t > positions[s + 1]) s++;
        double f = (t - positions[s]) / (positions[s + 1] - positions[s]);
        int a = table[s], b = table[s + 1];
        return mix(a >> 16 & 0xff, b >> 16 & 0xff, f) << 16 | mix(a >> 8 & 0xff, b >> 8 & 0xff, f) << 8
                | mix(a & 0xff, b & 0xff, f);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /**
     * Distinct colours for categories (materials, line series): the "tab10" palette of matplotlib / Tableau, chosen
     * for telling lines and regions apart rather than for ordering.
     */
    public static int category(int i) {
        return TAB10[Math.floorMod(i, TAB10.length)];
    }

    private static final int[] TAB10 = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
}
