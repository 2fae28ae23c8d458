package org.wafersim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write buffer in front of jhdf's channel leaves the file byte for byte what the plain channel writes. */
class BufferedWriteChannelTest {
    @TempDir Path dir;

    /** The same random mix of relative writes, seeks, positional writes and size queries on both channels. */
    @Test void randomOperationsGiveTheSameBytes() throws IOException {
        for (int seed = 0; seed < 20; seed++) {
            Path plain = dir.resolve("plain" + seed), buffered = dir.resolve("buffered" + seed);
            long[] sizes = new long[2];
            try (FileChannel a = open(plain);
                 FileChannel b = new BufferedWriteChannel(open(buffered), 64)) {
                Random rnd = new Random(seed);
                for (int op = 0; op < 400; op++) {
                    int kind = rnd.nextInt(10);
                    byte[] data = new byte[rnd.nextInt(kind == 0 ? 200 : 40)];
                    rnd.nextBytes(data);
                    if (kind <= 5) {                 // relative writes, some larger than the buffer
                        assertEquals(a.write(ByteBuffer.wrap(data)), b.write(ByteBuffer.wrap(data)));
                    } else if (kind == 6) {          // seek, possibly past the end
                        long p = rnd.nextInt((int) a.size() + 50);
                        a.position(p);
                        b.position(p);
                    } else if (kind == 7) {          // positional write (the object headers jhdf patches)
                        long p = rnd.nextInt((int) a.size() + 10);
                        assertEquals(a.write(ByteBuffer.wrap(data), p), b.write(ByteBuffer.wrap(data), p));
                    } else if (kind == 8) {
                        assertEquals(a.size(), b.size());
                    }
                    assertEquals(a.position(), b.position());
                }
                sizes[0] = a.size();
                sizes[1] = b.size();
            }
            assertEquals(sizes[0], sizes[1]);
            assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(buffered), "seed " + seed);
        }
    }

    /** jhdf through the buffered path writes the same file as jhdf on the plain path (n-D fields, attributes). */
    @Test void jhdfWritesTheSameFile() throws IOException {
        Path plain = dir.resolve("plain.h5"), buffered = dir.resolve("buffered.h5");
        writeSample(plain);
        writeSample(BufferedPath.of(buffered, 4096));
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(buffered));
        try (HdfFile h = new HdfFile(buffered)) {
            double[][][] t = (double[][][]) h.getDatasetByPath("/thermal/temperature").getData();
            assertEquals(3 * 100 + 7 * 10 + 9 + 0.5, t[3][7][9]);
            assertEquals("K", h.getDatasetByPath("/thermal/temperature").getAttribute("units").getData());
        }
    }

    private static void writeSample(Path p) {
        double[][][] t = new double[5][30][70];     // rows of 560 B: many rows per 4 KiB buffer
        for (int k = 0; k < 5; k++) for (int j = 0; j < 30; j++) for (int i = 0; i < 70; i++) t[k][j][i] = k * 100 + j * 10 + i + 0.5;
        int[][] ids = new int[40][1500];            // rows of 6 KB: larger than the buffer
        for (int j = 0; j < 40; j++) for (int i = 0; i < 1500; i++) ids[j][i] = j * i;
        try (WritableHdfFile h = HdfFile.write(p)) {
            h.putAttribute("case_name", "sample");
            WritableDataset d = h.putGroup("thermal").putDataset("temperature", t);
            d.putAttribute("units", "K");
            h.putGroup("mesh").putDataset("material_id", ids).putAttribute("units", "1");
            h.putDataset("scalar", new double[]{1.5});
        }
    }

    private static FileChannel open(Path p) throws IOException {
        return FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}
