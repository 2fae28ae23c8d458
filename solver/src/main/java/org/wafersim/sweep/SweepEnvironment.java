package org.wafersim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What a sweep reads from outside its arguments: the environment variables (Slurm's {@code SLURM_*}), the files that
 * describe this process's cgroup ({@code /proc/self/cgroup}, {@code /proc/self/mountinfo} and the limits under
 * {@code /sys/fs/cgroup}), the processors the JVM may use and its maximum heap. Read once, at the command line, and
 * handed down, so that the shard and resource logic is plain functions of these values (and tested with made-up ones).
 *
 * @param env        the environment variables
 * @param files      reads a text file, or returns null when it does not exist or cannot be read
 * @param processors {@link Runtime#availableProcessors()} (already limited by the CPU affinity mask)
 * @param maxHeap    {@link Runtime#maxMemory()} (bytes; -Xmx)
 */
public record SweepEnvironment(Map<String, String> env, Function<Path, String> files, int processors, long maxHeap) {
    public SweepEnvironment {
        env = Map.copyOf(env);
    }

    /** This process's environment. */
    public static SweepEnvironment system() {
        return new SweepEnvironment(System.getenv(), SweepEnvironment::readOrNull,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
    }

    /** A variable, or null when unset or blank. */
    public String get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The text of a file, or null. */
    public String read(String path) {
        return files.apply(Path.of(path));
    }

    private static String readOrNull(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;   // absent, not readable or not a cgroup system: no limit from there
        }
    }
}
