package org.wafersim.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.wafersim.errors.InputException;

/** Writes a PNG through a temporary sibling and a rename, so that a viewer or a script never sees half an image. */
public final class PngFile {
    private PngFile() { }

    /** Checks, before any drawing, that {@code out} can be written: a .png name in an existing folder. */
    public static void checkTarget(Path out) {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
            throw new InputException(out.toString(), null, "the image file name must end in .png");
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir))
            throw new InputException(out.toString(), null, "output folder " + dir + " does not exist");
        if (Files.isDirectory(out)) throw new InputException(out.toString(), null, "is a folder; expected a file name");
    }

    /** Writes the image (replacing an existing file: plots are cheap to redraw, unlike results). */
    public static void write(BufferedImage image, Path out) throws IOException {
        checkTarget(out);
        Path abs = out.toAbsolutePath();
        Path tmp = abs.getParent().resolve("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId());   // not createTempFile: its mode 600 would carry over
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer available");
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
