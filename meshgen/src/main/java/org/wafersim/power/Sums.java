package org.wafersim.power;

/** Compensated (Neumaier) summation, so that sums over 10^5-10^7 terms are exact to a few ulp. */
final class Sums {
    private double sum, comp;

    private Sums() { }

    static Sums create() { return new Sums(); }

    void add(double v) {
        double t = sum + v;
        if (Math.abs(sum) >= Math.abs(v)) comp += (sum - t) + v;
        else comp += (v - t) + sum;
        sum = t;
    }

    double value() { return sum + comp; }

    static double of(double[] a) {
        Sums s = new Sums();
        for (double v : a) s.add(v);
        return s.value();
    }
}
