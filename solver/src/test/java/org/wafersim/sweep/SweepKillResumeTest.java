package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resume guarantee with a real kill: a child JVM runs the 4-point sweep and is killed (SIGKILL, no chance to
 * clean up) once two points are finished; the re-run skips exactly the finished points, computes the rest, leaves the
 * finished results untouched, and ends with a complete summary.
 */
class SweepKillResumeTest {
    @TempDir Path dir;

    @Test
    void aKilledSweepResumesWithoutComputingAnyPointTwice() throws Exception {
        Path sweep = SweepFixtures.write(dir, SweepFixtures.FOUR_POINTS);
        Path out = dir.resolve("cooling-vs-power.out");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx1g", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), CliMain.class.getName(),
                "sweep", sweep.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + 180_000_000_000L;
        try {
            while (Files.notExists(out) || SweepRunTest.recordIndices(out).size() < 2) {
                assertTrue(child.isAlive(), () -> "the child ended before it could be killed: " + read(log));
                assertTrue(System.nanoTime() < deadline, "two points not finished in time");
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly();   // SIGKILL: like a killed batch job
            child.waitFor();
        }
        assertNotEquals(0, child.exitValue(), "killed, not finished");
        java.util.Set<Integer> done = SweepRunTest.recordIndices(out);
        assertTrue(done.size() >= 2 && done.size() < 4, "killed part-way: " + done);
        Map<String, FileTime> finished = SweepRunTest.resultTimes(out);
        Map<String, String> records = recordTexts(out);

        SweepFixtures.Run resumed = SweepFixtures.cli("sweep", sweep.toString(), "--threads", "1");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(done.size(), resumed.errLines("finished earlier, skipped").size(), resumed.err());
        assertEquals(4 - done.size(), resumed.errLines(": ok ").size(), "only the unfinished points are computed");
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(SweepRunTest.recordIndices(out)));
        for (int i : done) {
            String stem = SweepPoints.of(SweepFile.read(sweep)).get(i).stem();
            assertEquals(finished.get(stem + ".h5"), Files.getLastModifiedTime(out.resolve(stem + ".h5")), stem + " recomputed");
            assertEquals(records.get(stem + ".json"), Files.readString(out.resolve(stem + ".json")), stem + " record rewritten");
        }
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(5, csv.size());
        for (String row : csv.subList(1, 5)) assertTrue(row.contains(",ok,ok,"), row);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(".tmp")).toList(),
                    "the killed point's temporaries are gone");
        }
    }

    private static Map<String, String> recordTexts(Path out) throws IOException {
        Map<String, String> m = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("p\\d+_.*\\.json")).toList())
                m.put(f.getFileName().toString(), Files.readString(f));
        }
        return m;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
