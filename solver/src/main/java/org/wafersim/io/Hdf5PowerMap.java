package org.wafersim.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wafersim.errors.InputException;
import org.wafersim.power.Hdf5Table;

/**
 * Reads power maps from HDF5 files for {@link org.wafersim.power.CorePowerSources} (meshgen has no HDF5 library):
 * one numeric dataset, any integer or floating type, as doubles in C order with its shape. Errors name the file and
 * the dataset; a missing dataset lists the numeric datasets the file does have.
 */
public final class Hdf5PowerMap implements Hdf5Table {
    /** The reader; stateless, opens and closes the file on each call. */
    public static final Hdf5PowerMap READER = new Hdf5PowerMap();

    /** Public for {@link java.util.ServiceLoader} (the case loader reads a map's units and sum through it). */
    public Hdf5PowerMap() { }

    @Override
    public Data read(Path file, String dataset) {
        try (ResultReader r = ResultReader.open(file)) {
            List<String> names = new ArrayList<>();
            boolean found = false;
            for (ResultReader.DatasetInfo d : r.datasets()) {
                if (d.path().equals(dataset)) found = true;
                if (!d.type().equals("string")) names.add(d.path() + " " + shape(d.shape()));
            }
            if (!found) {
                throw new InputException(file.toString(), dataset, "no such dataset (power.map_dataset); the file's"
                        + " numeric datasets: " + (names.isEmpty() ? "none" : String.join(", ", shortList(names))));
            }
            ResultReader.Data d = r.read(dataset);
            Object u = r.attributes(dataset).get("units");
            return new Data(d.flat(), d.shape(), u == null ? null : u.toString());
        }
    }

    private static List<String> shortList(List<String> l) {
        if (l.size() <= 12) return l;
        List<String> s = new ArrayList<>(l.subList(0, 12));
        s.add("... (" + l.size() + " in all)");
        return s;
    }

    private static String shape(int[] s) {
        StringBuilder b = new StringBuilder();
        for (int n : s) b.append('[').append(n).append(']');
        return b.length() == 0 ? "(scalar)" : b.toString();
    }
}
