package org.wafersim.sweep;

import org.wafersim.errors.InputException;

/**
 * The share of a sweep one process runs: shard {@code i} of {@code n} (1-based) takes the points whose index
 * {@code % n == i - 1}. Interleaving (rather than blocks) spreads slow corners of the parameter space over all shards.
 * A Slurm job array maps task {@code SLURM_ARRAY_TASK_ID} = 1..n onto {@code --shard $SLURM_ARRAY_TASK_ID/n}.
 */
public record Shard(int i, int n) {
    /** The whole sweep. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (n < 1 || i < 1 || i > n) throw new IllegalArgumentException("bad shard " + i + "/" + n);
    }

    /** Reads {@code i/n}; anything else (e.g. {@code 3/2}, {@code 0/2}) is an {@link InputException} on --shard. */
    public static Shard parse(String text) {
        if (text == null || !text.strip().matches("\\d{1,9}/\\d{1,9}"))
            throw new InputException("--shard", null, "expected i/n with 1 <= i <= n (e.g. 2/8), got '" + text + "'");
        String[] p = text.strip().split("/");
        int i = Integer.parseInt(p[0]), n = Integer.parseInt(p[1]);
        if (n < 1) throw new InputException("--shard", null, "the shard count n must be at least 1, got '" + text + "'");
        if (i < 1 || i > n)
            throw new InputException("--shard", null, "shard index " + i + " is outside 1.." + n + " in '" + text
                    + "' (shards are numbered from 1)");
        return new Shard(i, n);
    }

    /** Whether this shard runs the point with this index. */
    public boolean owns(int index) {
        return index % n == i - 1;
    }

    @Override public String toString() {
        return i + "/" + n;
    }
}
