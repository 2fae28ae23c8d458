package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.io.ResultReader;

/**
 * SIGKILL while a result is being written (issue 13): a child JVM runs {@code run} or {@code sweep} and is killed
 * the moment a temporary of the result appears. Afterwards the target is either the old file, untouched, or a
 * complete new one; the next run succeeds and leaves no temporary behind. Tagged slow: each case solves a
 * coarse wafer in a child JVM (5-20 s).
 */
@Tag("slow")
class KillDuringWriteTest {
    @TempDir Path dir;

    private Process child(Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx1g", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), CliMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until a temporary matching {@code prefix} appears in {@code folder} (or the child ends), then kills. */
    private static boolean killDuringWrite(Process p, Path folder, String prefix) throws Exception {
        long deadline = System.nanoTime() + 240_000_000_000L;
        boolean seen = false;
        try {
            while (p.isAlive() && System.nanoTime() < deadline) {
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> s = Files.list(folder)) {
                        if (s.anyMatch(f -> f.getFileName().toString().startsWith(prefix))) {
                            seen = true;
                            break;
                        }
                    }
                }
                Thread.sleep(1);
            }
        } finally {
            p.destroyForcibly();   // SIGKILL: no shutdown hook, no cleanup
            p.waitFor();
        }
        return seen;
    }

    private static List<Path> temporaries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().contains(".tmp")).toList();
        }
    }

    private static boolean complete(Path h5) {
        try (ResultReader r = ResultReader.open(h5)) {
            return r.read("/thermal/temperature").flat().length > 0 && r.caseText() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void aRunKilledWhileWritingLeavesTheOldResultOrACompleteNewOne() throws Exception {
        Path out = dir.resolve("out.h5");
        SweepFixtures.Run first = SweepFixtures.cli("run", "wse-coarse", "-q", "-o", out.toString(), "--set",
                "grid.cells_per_core=0.05");
        assertEquals(0, first.code(), first.err());
        byte[] old = Files.readAllBytes(out);

        Process p = child(dir.resolve("child.log"), "run", "wse-coarse", "-q", "--force", "--threads", "1",
                "-o", out.toString(), "--set", "grid.cells_per_core=0.25");
        boolean seen = killDuringWrite(p, dir, ".out.h5.tmp-");
        assertTrue(seen, "the child was killed while writing: " + Files.readString(dir.resolve("child.log")));
        boolean unchanged = java.util.Arrays.equals(old, Files.readAllBytes(out));
        assertTrue(unchanged || complete(out), "the old result untouched or a complete new one");
        assertTrue(complete(out));

        SweepFixtures.Run next = SweepFixtures.cli("run", "wse-coarse", "-q", "--force", "-o", out.toString(),
                "--set", "grid.cells_per_core=0.05");
        assertEquals(0, next.code(), next.err());
        assertEquals(List.of(), temporaries(dir), "no litter after the next run");
    }

    @Test
    void aSweepKilledWhileWritingResumesWithoutLitter() throws Exception {
        Path sweep = SweepFixtures.write(dir, SweepFixtures.FOUR_POINTS);
        Path out = dir.resolve("cooling-vs-power.out");
        Process p = child(dir.resolve("child.log"), "sweep", sweep.toString(), "--threads", "1");
        boolean seen = killDuringWrite(p, out, ".p0001");
        assertTrue(seen || Files.isDirectory(out), "the sweep started: " + Files.readString(dir.resolve("child.log")));
        try (Stream<Path> s = Files.list(out)) {
            for (Path h5 : s.filter(f -> f.getFileName().toString().matches("p\\d+_.*\\.h5")).toList())
                assertTrue(complete(h5), "a result in place is complete: " + h5);
        }
        SweepFixtures.Run resumed = SweepFixtures.cli("sweep", sweep.toString(), "--threads", "1");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(List.of(), temporaries(out), "no litter after the next run");
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(5, csv.size(), String.join("\n", csv));
    }
}
