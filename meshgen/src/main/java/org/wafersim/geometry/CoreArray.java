package org.wafersim.geometry;

import java.util.List;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.CoreRef;
import org.wafersim.cases.CaseSpec.CoresSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.CaseSpec.WaferSpec;
import org.wafersim.errors.InputException;

/**
 * The wafer's floorplan: dies in {@code columns x rows}, cores in {@code perDieX x perDieY} inside each die, and which
 * cores are spares. Built once per run and shared by the thermal solver (heat sources, per-core temperatures) and the
 * reliability estimator (per-core wear-out, per-die redundancy). Immutable.
 *
 * <h2>Indexing</h2>
 * <ul>
 * <li>die {@code d = row*columns + col} (row along y, col along x, both 0-based from the wafer's lower-left corner);
 * it spans {@code [col*px + s/2, (col+1)*px - s/2] x [row*py + s/2, (row+1)*py - s/2]} with pitch
 * {@code px = sizeX/columns}, {@code py = sizeY/rows} and scribe width {@code s} (see {@link DieLayout});</li>
 * <li>core {@code c = d*(perDieX*perDieY) + coreRow*perDieX + coreCol}; the cores of a die are a regular array that
 * fills the die exactly;</li>
 * <li>the cores of the whole wafer also form a tensor-product array of <em>global columns</em>
 * {@code gc = dieColumn*perDieX + coreColumn} (x intervals) and <em>global rows</em>
 * {@code gr = dieRow*perDieY + coreRow} (y intervals); per-axis data such as the core-to-cell overlap is stored per
 * global column/row rather than per core.</li>
 * </ul>
 *
 * <h2>Spares</h2>
 * Either the explicit positions of {@link CoresSpec#explicitSpares()}, or {@code round(spareFraction * coresPerDie)}
 * spares per die at the same positions in every die, spread over the die on a golden-ratio (Fibonacci) lattice:
 * spare {@code i} of {@code k} sits in core row {@code floor((i + 1/2) * perDieY / k)} and core column
 * {@code floor(frac(1/2 + i/phi) * perDieX)} (moving to the next free core in index order on a collision). Rows are
 * evenly spaced and the columns are a low-discrepancy sequence, so the spares cover the die without clusters, lines
 * or dependence on how the die's core count divides.
 */
public final class CoreArray {
    /** 1/phi, the golden-ratio step of the spare lattice. */
    private static final double INV_PHI = (Math.sqrt(5.0) - 1.0) / 2.0;

    private final String source;
    private final double sizeX, sizeY, scribe;
    private final int columns, rows, perDieX, perDieY, coresPerDie, coreCount;
    private final double[] colX0, colX1, rowY0, rowY1;   // per global column / row
    private final double[] x0, x1, y0, y1;               // per core
    private final int[] die, row, col;                   // per core: die index, core row and column in the die
    private final boolean[] spare;
    private final int[] sparesInDie;
    private final int activeCores;

    private CoreArray(String source, WaferSpec w, DiesSpec dies, CoresSpec cs) {
        this.source = source;
        this.sizeX = w.sizeX();
        this.sizeY = w.sizeY();
        this.scribe = dies.scribe();
        this.columns = dies.columns();
        this.rows = dies.rows();
        this.perDieX = cs.perDieX();
        this.perDieY = cs.perDieY();
        validate(source, w, dies, cs);
        long cpd = (long) perDieX * perDieY;
        long total = cpd * columns * rows;
        if (total > Integer.MAX_VALUE - 8)
            throw new InputException(source, "cores.per_die", "the wafer would have " + total + " cores, more than an array can hold");
        this.coresPerDie = (int) cpd;
        this.coreCount = (int) total;

        int gcs = columns * perDieX, grs = rows * perDieY;
        colX0 = new double[gcs];
        colX1 = new double[gcs];
        coreEdges(sizeX, columns, scribe, perDieX, colX0, colX1);
        rowY0 = new double[grs];
        rowY1 = new double[grs];
        coreEdges(sizeY, rows, scribe, perDieY, rowY0, rowY1);

        x0 = new double[coreCount];
        x1 = new double[coreCount];
        y0 = new double[coreCount];
        y1 = new double[coreCount];
        die = new int[coreCount];
        row = new int[coreCount];
        col = new int[coreCount];
        int dieCount = columns * rows;
        for (int d = 0; d < dieCount; d++) {
            int dc = d % columns, dr = d / columns;
            int base = d * coresPerDie;
            for (int r = 0; r < perDieY; r++) {
                int gr = dr * perDieY + r;
                double ya = rowY0[gr], yb = rowY1[gr];
                int o = base + r * perDieX;
                for (int cc = 0; cc < perDieX; cc++) {
                    int c = o + cc, gc = dc * perDieX + cc;
                    x0[c] = colX0[gc];
                    x1[c] = colX1[gc];
                    y0[c] = ya;
                    y1[c] = yb;
                    die[c] = d;
                    row[c] = r;
                    col[c] = cc;
                }
            }
        }

        spare = new boolean[coreCount];
        sparesInDie = new int[dieCount];
        List<CoreRef> explicit = cs.explicitSpares();
        if (!explicit.isEmpty()) {
            for (int s = 0; s < explicit.size(); s++) {
                CoreRef ref = explicit.get(s);
                String key = "cores.spares[" + s + "]";
                checkRange(source, key, "die column", ref.dieColumn(), columns);
                checkRange(source, key, "die row", ref.dieRow(), rows);
                checkRange(source, key, "core column", ref.coreColumn(), perDieX);
                checkRange(source, key, "core row", ref.coreRow(), perDieY);
                int d = ref.dieRow() * columns + ref.dieColumn();
                int c = d * coresPerDie + ref.coreRow() * perDieX + ref.coreColumn();
                if (spare[c])
                    throw new InputException(source, key, "core (" + ref.coreColumn() + ", " + ref.coreRow() + ") of die ("
                            + ref.dieColumn() + ", " + ref.dieRow() + ") is listed as a spare more than once");
                spare[c] = true;
                sparesInDie[d]++;
            }
        } else {
            int[] pattern = spreadSpares(perDieX, perDieY, (int) Math.round(cs.spareFraction() * coresPerDie));
            for (int d = 0; d < dieCount; d++) {
                for (int p : pattern) spare[d * coresPerDie + p] = true;
                sparesInDie[d] = pattern.length;
            }
        }
        int active = 0;
        for (int d = 0; d < dieCount; d++) {
            if (sparesInDie[d] >= coresPerDie)
                throw new InputException(source, explicit.isEmpty() ? "cores.spare_fraction" : "cores.spares",
                        "every core of die (" + (d % columns) + ", " + (d / columns) + ") is a spare; a die needs at least one active core");
            active += coresPerDie - sparesInDie[d];
        }
        activeCores = active;
    }

    /** The core array of a case. */
    public static CoreArray of(CaseSpec spec) {
        return of(spec.wafer(), spec.dies(), spec.cores(), spec.source());
    }

    /** The core array of a wafer, its die grid and its core layout; {@code source} names the case for messages. */
    public static CoreArray of(WaferSpec wafer, DiesSpec dies, CoresSpec cores, String source) {
        return new CoreArray(source, wafer, dies, cores);
    }

    private static void validate(String src, WaferSpec w, DiesSpec d, CoresSpec c) {
        if (!(w.sizeX() > 0) || !(w.sizeY() > 0)) throw new InputException(src, "wafer.size", "the wafer size must be positive");
        if (d.columns() < 1) throw new InputException(src, "dies.columns", "needs at least one die column, got " + d.columns());
        if (d.rows() < 1) throw new InputException(src, "dies.rows", "needs at least one die row, got " + d.rows());
        if (!(d.scribe() >= 0)) throw new InputException(src, "dies.scribe", "the scribe width must not be negative");
        double px = w.sizeX() / d.columns(), py = w.sizeY() / d.rows();
        if (!(d.scribe() < Math.min(px, py)))
            throw new InputException(src, "dies.scribe", String.format(java.util.Locale.ROOT,
                    "the scribe width %.4g mm leaves no room for a die (die pitch %.4g x %.4g mm)", d.scribe() * 1e3, px * 1e3, py * 1e3));
        if (c.perDieX() < 1 || c.perDieY() < 1)
            throw new InputException(src, "cores.per_die", "needs at least one core per die in each direction, got ["
                    + c.perDieX() + ", " + c.perDieY() + "]");
        if (c.explicitSpares().isEmpty() && !(c.spareFraction() >= 0 && c.spareFraction() < 1))
            throw new InputException(src, "cores.spare_fraction", "must be in [0, 1), got " + c.spareFraction());
    }

    private static void checkRange(String src, String key, String what, int v, int n) {
        if (v < 0 || v >= n) throw new InputException(src, key, what + " " + v + " is outside 0.." + (n - 1));
    }

    /**
     * In-die positions ({@code coreRow*perDieX + coreCol}, ascending) of {@code k} spares spread over a
     * {@code perDieX x perDieY} die on the golden-ratio lattice described in the class comment.
     */
    static int[] spreadSpares(int perDieX, int perDieY, int k) {
        int n = perDieX * perDieY;
        if (k <= 0) return new int[0];
        if (k >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        boolean[] taken = new boolean[n];
        for (int i = 0; i < k; i++) {
            int r = (int) Math.floor((i + 0.5) * perDieY / k);
            double f = 0.5 + i * INV_PHI;
            f -= Math.floor(f);
            int c = Math.min(perDieX - 1, (int) Math.floor(f * perDieX));
            int idx = Math.min(perDieY - 1, r) * perDieX + c;
            while (taken[idx]) idx = (idx + 1) % n;
            taken[idx] = true;
        }
        int[] out = new int[k];
        int m = 0;
        for (int i = 0; i < n; i++) if (taken[i]) out[m++] = i;
        return out;
    }

    // ---- sizes -------------------------------------------------------------------------------------------------

    /** Where the case came from (for messages). */
    public String source() { return source; }
    public int coreCount() { return coreCount; }
    public int dieCount() { return columns * rows; }
    public int coresPerDie() { return coresPerDie; }
    /** Die columns (along x). */
    public int columns() { return columns; }
    /** Die rows (along y). */
    public int rows() { return rows; }
    public int perDieX() { return perDieX; }
    public int perDieY() { return perDieY; }
    public double waferSizeX() { return sizeX; }
    public double waferSizeY() { return sizeY; }
    public double scribe() { return scribe; }
    /** Cores that are not spares, over the whole wafer. */
    public int activeCoreCount() { return activeCores; }

    // ---- cores -------------------------------------------------------------------------------------------------

    public double x0(int c) { return x0[c]; }
    public double x1(int c) { return x1[c]; }
    public double y0(int c) { return y0[c]; }
    public double y1(int c) { return y1[c]; }
    public double xc(int c) { return 0.5 * (x0[c] + x1[c]); }
    public double yc(int c) { return 0.5 * (y0[c] + y1[c]); }
    public double area(int c) { return (x1[c] - x0[c]) * (y1[c] - y0[c]); }
    /** Die of core c. */
    public int die(int c) { return die[c]; }
    /** Row of core c inside its die. */
    public int coreRow(int c) { return row[c]; }
    /** Column of core c inside its die. */
    public int coreColumn(int c) { return col[c]; }
    public boolean isSpare(int c) { return spare[c]; }
    /** Core index from its die and its (column, row) inside the die. */
    public int coreIndex(int d, int coreColumn, int coreRow) { return d * coresPerDie + coreRow * perDieX + coreColumn; }
    /** Global column of core c: {@code dieColumn*perDieX + coreColumn}. */
    public int globalColumn(int c) { return (die[c] % columns) * perDieX + col[c]; }
    /** Global row of core c: {@code dieRow*perDieY + coreRow}. */
    public int globalRow(int c) { return (die[c] / columns) * perDieY + row[c]; }
    /** The core containing point (x, y), or -1 when the point is in a scribe line or off the wafer. */
    public int coreAt(double x, double y) {
        int gc = find(colX0, colX1, x), gr = find(rowY0, rowY1, y);
        if (gc < 0 || gr < 0) return -1;
        int d = (gr / perDieY) * columns + gc / perDieX;
        return coreIndex(d, gc % perDieX, gr % perDieY);
    }

    private static int find(double[] lo, double[] hi, double v) {
        int a = 0, b = lo.length - 1;
        while (a <= b) {
            int m = (a + b) >>> 1;
            if (v < lo[m]) b = m - 1;
            else if (v > hi[m]) a = m + 1;
            else return m;
        }
        return -1;
    }

    // ---- global columns and rows --------------------------------------------------------------------------------

    /** Number of global core columns, {@code columns*perDieX}. */
    public int globalColumns() { return colX0.length; }
    /** Number of global core rows, {@code rows*perDieY}. */
    public int globalRows() { return rowY0.length; }
    public double columnX0(int gc) { return colX0[gc]; }
    public double columnX1(int gc) { return colX1[gc]; }
    public double rowY0(int gr) { return rowY0[gr]; }
    public double rowY1(int gr) { return rowY1[gr]; }

    // ---- dies --------------------------------------------------------------------------------------------------

    public int dieIndex(int dieColumn, int dieRow) { return dieRow * columns + dieColumn; }
    public int dieRow(int d) { return d / columns; }
    public int dieColumn(int d) { return d % columns; }
    public double dieX0(int d) { return DieLayout.dieLow(sizeX, columns, scribe, d % columns); }
    public double dieX1(int d) { return DieLayout.dieHigh(sizeX, columns, scribe, d % columns); }
    public double dieY0(int d) { return DieLayout.dieLow(sizeY, rows, scribe, d / columns); }
    public double dieY1(int d) { return DieLayout.dieHigh(sizeY, rows, scribe, d / columns); }
    public double dieArea(int d) { return (dieX1(d) - dieX0(d)) * (dieY1(d) - dieY0(d)); }
    /** First core of die d (its cores are {@code [firstCore(d), firstCore(d) + coresPerDie())}). */
    public int firstCore(int d) { return d * coresPerDie; }
    public int sparesInDie(int d) { return sparesInDie[d]; }
    public int activeCoresInDie(int d) { return coresPerDie - sparesInDie[d]; }

    @Override public String toString() {
        return "CoreArray[" + columns + " x " + rows + " dies, " + perDieX + " x " + perDieY + " cores per die, "
                + coreCount + " cores, " + (coreCount - activeCores) + " spares]";
    }

    /** The core edges along one axis: each die, between its scribe lanes, divided into {@code perDie} equal cores. */
    private static void coreEdges(double size, int dies, double scribe, int perDie, double[] lo, double[] hi) {
        for (int d = 0; d < dies; d++) {
            double a = DieLayout.dieLow(size, dies, scribe, d), b = DieLayout.dieHigh(size, dies, scribe, d);
            for (int m = 0; m < perDie; m++) {
                lo[d * perDie + m] = DieLayout.divide(a, b, m, perDie);
                hi[d * perDie + m] = DieLayout.divide(a, b, m + 1, perDie);
            }
        }
    }
}
