package org.wafersim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The complete sidecar ({@link XdmfWriter#forResult}): every 3-D cell field, the void flags of the cells and of the
 * plate, the snapshots as a temporal collection, every mechanics state on the plate mesh, and an absolute HDF5
 * reference, in the shape ParaView's default (Xdmf3) readers read. Where ParaView's Python (Debian's paraview) is
 * installed, the sidecar is also opened by a bare file name and every array compared with the HDF5 file.
 */
class XdmfSidecarTest {
    @TempDir Path dir;
    static final int NX = 4, NY = 3, NZ = 2, MX = 3, MY = 2;

    static final double NAN = Double.NaN;

    private Path result() throws Exception {
        return result(true);
    }

    private Path result(boolean timed) throws Exception {
        Path h5 = dir.resolve("run.h5");
        resultFile(timed, org.wafersim.cases.CaseSpec.OutputSpec.DEFAULT).writeAtomically(h5, false);
        return h5;
    }

    /** A small result: 4 x 3 x 2 cells with a void column, a 3 x 2 plate whose first element is void (NaN). */
    private static ResultFile resultFile(boolean timed, org.wafersim.cases.CaseSpec.OutputSpec output) {
        double[] warpage = new double[(MX + 1) * (MY + 1)], stress = new double[3 * MX * MY];
        for (int i = 0; i < warpage.length; i++) warpage[i] = i == 0 ? NAN : 1e-6 * i;
        for (int i = 0; i < stress.length; i++) stress[i] = i % (MX * MY) == 0 ? NAN : 1e6 * i;
        int n = NX * NY * NZ;
        double[] t = new double[n], q = new double[n];
        int[] mat = new int[n];
        byte[] ghost = new byte[n];
        for (int c = 0; c < n; c++) {
            t[c] = 30 + c;
            q[c] = 1e6;
            mat[c] = c % NX == 0 ? -1 : 1;
            if (mat[c] < 0) {
                t[c] = Double.NaN;
                ghost[c] = (byte) XdmfWriter.VTK_HIDDEN_CELL;
            }
        }
        double[] t2 = t.clone();
        for (int c = 0; c < n; c++) t2[c] += 5;
        int[] s3 = {NZ, NY, NX};
        ResultFile f = new ResultFile().output(output)
                .dataset("/mesh/x", new double[]{0, 1, 2, 3, 4}, new int[]{NX + 1}, "m")
                .dataset("/mesh/y", new double[]{0, 1, 2, 3}, new int[]{NY + 1}, "m")
                .dataset("/mesh/z", new double[]{0, 0.5, 1}, new int[]{NZ + 1}, "m")
                .intDataset("/mesh/material_id", mat, s3, "1")
                .byteDataset("/mesh/vtk_ghost_type", ghost, s3, "1")
                .dataset("/thermal/temperature", t, s3, "degC")
                .dataset("/thermal/power_density", q, s3, "W/m^3");
        if (timed) f
                .dataset("/transient/time", new double[]{0, 1, 2, 10}, new int[]{4}, "s")
                .dataset("/transient/snapshots/0000/temperature", t, s3, "degC")
                .datasetAttribute("/transient/snapshots/0000/temperature", "time_s", 1.0)
                .dataset("/transient/snapshots/0001/temperature", t2, s3, "degC")
                .datasetAttribute("/transient/snapshots/0001/temperature", "time_s", 2.0)
                .dataset("/transient/final_temperature", t2, s3, "degC");
        f
                .dataset("/mechanics/node_x", new double[]{0, 2, 3, 4}, new int[]{MX + 1}, "m")
                .dataset("/mechanics/node_y", new double[]{0, 1, 3}, new int[]{MY + 1}, "m")
                .attribute("/mechanics", "states", timed ? new String[]{"full", "idle", "snapshot_0000", "snapshot_0001"}
                        : new String[]{"full", "idle"})
                .dataset("/mechanics/connector_shear_strain", new double[]{NAN, 2, 3, 4, 5, 6}, new int[]{MY, MX}, "1")
                .dataset("/mechanics/warpage", warpage, new int[]{MY + 1, MX + 1}, "m")
                .dataset("/mechanics/stress_xx", stress, new int[]{3, MY, MX}, "Pa")
                .dataset("/mechanics/states/idle/connector_shear_strain", new double[]{NAN, 1, 1, 2, 2, 2},
                        new int[]{MY, MX}, "1")
                .dataset("/mechanics/states/snapshot_0000/connector_shear_strain", new double[]{NAN, 3, 3, 3, 3, 3},
                        new int[]{MY, MX}, "1")
                .dataset("/mechanics/states/snapshot_0001/connector_shear_strain", new double[]{NAN, 4, 4, 4, 4, 5},
                        new int[]{MY, MX}, "1")
                .dataset("/reliability/connector_life", new double[]{NAN, 7, 7, 7, 7, 7}, new int[]{MY, MX}, "years");
        return f;
    }

    /**
     * The run builds its sidecar from the result in memory ({@link XdmfWriter#forResult(Path, ResultFile, boolean)}):
     * the same text as from the file read back, and the tree lists what a reader of the file sees (datasets with
     * shapes, types and units, values, attributes), for the complete file and under every output option.
     */
    @Test
    void theSidecarFromMemoryIsTheSidecarOfTheFile() throws Exception {
        var specs = List.of(org.wafersim.cases.CaseSpec.OutputSpec.DEFAULT,
                new org.wafersim.cases.CaseSpec.OutputSpec(org.wafersim.cases.CaseSpec.OutputSpec.Fields.CORES, false,
                        0, List.of()),
                new org.wafersim.cases.CaseSpec.OutputSpec(org.wafersim.cases.CaseSpec.OutputSpec.Fields.ALL, true, 4,
                        List.of()));
        int n = 0;
        for (var output : specs) {
            for (boolean timed : new boolean[]{true, false}) {
                ResultFile f = resultFile(timed, output);
                Path h5 = dir.resolve("memory" + n++ + ".h5");
                f.writeAtomically(h5, false);
                ResultContents mem = f.contents();
                try (ResultReader r = ResultReader.open(h5)) {
                    for (boolean legacy : new boolean[]{false, true})
                        assertEquals(XdmfWriter.complete("REF", "name", r, legacy),
                                XdmfWriter.complete("REF", "name", mem, legacy), output + " timed " + timed);
                    List<ResultReader.DatasetInfo> a = r.datasets(), b = mem.datasets();
                    assertEquals(a.size(), b.size());
                    for (int i = 0; i < a.size(); i++) {
                        assertEquals(a.get(i).path(), b.get(i).path());
                        assertArrayEquals(a.get(i).shape(), b.get(i).shape(), a.get(i).path());
                        assertEquals(a.get(i).type(), b.get(i).type(), a.get(i).path());
                        assertEquals(a.get(i).units(), b.get(i).units(), a.get(i).path());
                        assertArrayEquals(r.read(a.get(i).path()).flat(), mem.read(a.get(i).path()).flat());
                        assertEquals(keysAndText(r.attributes(a.get(i).path())), keysAndText(mem.attributes(a.get(i).path())));
                        assertEquals(r.omittedReason(a.get(i).path()), mem.omittedReason(a.get(i).path()));
                    }
                    java.util.Map<String, Object> rootA = new java.util.TreeMap<>(r.attributes("/"));
                    rootA.remove("_jHDF");   // jhdf's own, added on writing
                    assertEquals(keysAndText(rootA), keysAndText(mem.attributes("/")));
                    assertEquals(r.omittedReason("/thermal/temperature"), mem.omittedReason("/thermal/temperature"));
                }
            }
        }
    }

    /** Attributes as comparable text: name, value class and value (arrays element by element). */
    private static String keysAndText(java.util.Map<String, Object> attrs) {
        StringBuilder b = new StringBuilder();
        for (var e : new java.util.TreeMap<>(attrs).entrySet()) {
            Object v = e.getValue();
            String text = v instanceof double[] d ? java.util.Arrays.toString(d) : v instanceof int[] i
                    ? java.util.Arrays.toString(i) : v instanceof Object[] o ? java.util.Arrays.toString(o)
                    : String.valueOf(v);
            b.append(e.getKey()).append('=').append(v.getClass().getSimpleName()).append(':').append(text).append('\n');
        }
        return b.toString();
    }

    private static Document parse(Path sidecar) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(sidecar)));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling())
            if (c instanceof Element e && e.getTagName().equals(tag)) out.add(e);
        return out;
    }

    /**
     * What ParaView 5.11's default readers (Xdmf3, the choice of {@code OpenDataFile} and the GUI) need, pinned on
     * the text because pvpython is not on every machine: (1) once a file has time steps, every grid sits inside the
     * one temporal collection (Xdmf3 drops grids beside it: the wafer's steady fields and the mechanics states were
     * never shown); (2) no HyperSlab items (Xdmf3 skips them: the silicon stresses and slips were missing), slices
     * use the Xdmf3 selection {@code FILE:/dataset|start:stride:count:dataspace}; (3) a time step holds one wafer
     * grid and one plate grid (the default reader merges a step's grids into one multi-piece data set, so the
     * snapshot temperature is an array of the wafer grid rather than a second grid on the same cells).
     */
    @Test
    void aTransientSidecarIsOneTemporalCollectionOfTheWaferAndThePlate() throws Exception {
        Path h5 = result();
        Path sidecar = XdmfWriter.forResult(h5, false);
        assertEquals(dir.resolve("run.xdmf"), sidecar);
        Document doc = parse(sidecar);
        Element domain = children(doc.getDocumentElement(), "Domain").get(0);
        List<Element> top = children(domain, "Grid");
        assertEquals(1, top.size(), "a single temporal collection: Xdmf3 drops grids beside it");
        assertEquals("Temporal", top.get(0).getAttribute("CollectionType"));
        List<Element> steps = children(top.get(0), "Grid");
        List<String> tv = new ArrayList<>();
        for (Element step : steps) {
            assertEquals("Spatial", step.getAttribute("CollectionType"));
            tv.add(children(step, "Time").get(0).getAttribute("Value"));
            List<String> names = new ArrayList<>();
            for (Element g : children(step, "Grid")) {
                assertEquals("Uniform", g.getAttribute("GridType"));
                names.add(g.getAttribute("Name"));
            }
            assertEquals(List.of("wafer", "plate"), names);
        }
        assertEquals(List.of("1.0", "2.0", "10.0"), tv, "the snapshots and the end of the run");
        assertTrue(doc.getElementsByTagName("Time").getLength() == 3, "no Time outside the time steps");
        NodeList items = doc.getElementsByTagName("DataItem");
        for (int i = 0; i < items.getLength(); i++) {
            Element e = (Element) items.item(i);
            assertNotEquals("HyperSlab", e.getAttribute("ItemType"), "Xdmf3 skips HyperSlab items");
            // every heavy-data reference is the absolute path of the result, so a bare-name opening finds it
            if (e.getAttribute("Format").equals("HDF"))
                assertTrue(e.getTextContent().startsWith(h5.toAbsolutePath().normalize() + ":/"), e.getTextContent());
        }

        Element wafer1 = children(steps.get(1), "Grid").get(0);
        assertEquals(List.of("material_id", "power_density_W_per_m3", "temperature_degC", "final_temperature_degC",
                "transient_temperature_degC", "vtkGhostType"), attributeNames(wafer1));
        assertEquals(h5.toAbsolutePath().normalize() + ":/transient/snapshots/0001/temperature",
                item(wafer1, "transient_temperature_degC").getTextContent());
        assertEquals(h5.toAbsolutePath().normalize() + ":/transient/final_temperature",
                item(children(steps.get(2), "Grid").get(0), "transient_temperature_degC").getTextContent());
        assertEquals("UChar", item(wafer1, "vtkGhostType").getAttribute("NumberType"));
        assertEquals("Int", item(wafer1, "material_id").getAttribute("NumberType"));

        Element plate1 = children(steps.get(1), "Grid").get(1);
        assertEquals(List.of("connector_shear_strain", "stress_xx_bottom_Pa", "stress_xx_middle_Pa", "stress_xx_top_Pa",
                "warpage_m", "idle_connector_shear_strain", "connector_life_years", "transient_connector_shear_strain",
                "vtkGhostType"), attributeNames(plate1), "every state; the one solved at this snapshot as transient_");
        assertEquals(h5.toAbsolutePath().normalize() + ":/mechanics/stress_xx|2 0 0:1 1 1:1 2 3:3 2 3",
                item(plate1, "stress_xx_top_Pa").getTextContent(), "the top layer by the Xdmf3 selection syntax");
        assertEquals("Node", attribute(plate1, "warpage_m").getAttribute("Center"));
        assertEquals(h5.toAbsolutePath().normalize() + ":/mechanics/states/snapshot_0001/connector_shear_strain",
                item(plate1, "transient_connector_shear_strain").getTextContent());
        assertFalse(attributeNames(children(steps.get(2), "Grid").get(1)).contains("transient_connector_shear_strain"),
                "no mechanics state was solved at the end of the run");
        Element plateGhost = item(plate1, "vtkGhostType");
        assertEquals("XML", plateGhost.getAttribute("Format"));
        assertEquals(List.of("32", "0", "0", "0", "0", "0"), List.of(plateGhost.getTextContent().trim().split("\\s+")),
                "the element where every map is NaN is hidden");
    }

    @Test
    void aSteadySidecarHasTheWaferAndThePlateAndTheLegacyFlavourHyperSlabs() throws Exception {
        Path h5 = result(false);
        Document doc = parse(XdmfWriter.forResult(h5, false));
        Element domain = children(doc.getDocumentElement(), "Domain").get(0);
        List<String> names = new ArrayList<>();
        for (Element g : children(domain, "Grid")) names.add(g.getAttribute("Name"));
        assertEquals(List.of("wafer", "plate"), names);
        assertEquals(0, doc.getElementsByTagName("Time").getLength());
        Element plate = children(domain, "Grid").get(1);
        assertEquals(List.of("connector_shear_strain", "stress_xx_bottom_Pa", "stress_xx_middle_Pa", "stress_xx_top_Pa",
                "warpage_m", "idle_connector_shear_strain", "connector_life_years", "vtkGhostType"), attributeNames(plate));

        Document legacy = parse(XdmfWriter.forResult(h5, true, true));
        Element lp = children(children(legacy.getDocumentElement(), "Domain").get(0), "Grid").get(1);
        Element slab = item(lp, "stress_xx_middle_Pa");
        assertEquals("HyperSlab", slab.getAttribute("ItemType"));
        assertEquals("1 0 0 1 1 1 1 2 3", children(slab, "DataItem").get(0).getTextContent());
        assertFalse(Files.readString(dir.resolve("run.xdmf")).contains("|"), "no Xdmf3 selections in the legacy flavour");
    }

    /**
     * ParaView's own readers against the HDF5 file, where Debian's ParaView is installed: the sidecar is opened by a
     * bare file name from its folder with {@code OpenDataFile} (the default reader) and, for the legacy flavour, the
     * legacy XDMF Reader; every array of every data set at every time step must equal the dataset (or slice, or inline
     * mask) its sidecar entry names, value for value (NaN for NaN).
     */
    @Test
    void paraviewReadsEveryArrayAtEveryTimeStep() throws Exception {
        Path pv = Path.of("/usr/bin/pvpython");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(pv), "ParaView (pvpython) is not installed");
        for (boolean timed : new boolean[]{true, false}) {
            Path h5 = result(timed);
            for (boolean legacy : new boolean[]{false, true}) {
                Path sidecar = XdmfWriter.forResult(h5, true, legacy);
                Map<String, double[]> expected = expected(sidecar, h5);
                Map<String, double[]> got = readWithParaView(pv, legacy ? "legacy" : "default");
                assertEquals(new java.util.TreeSet<>(expected.keySet()), new java.util.TreeSet<>(got.keySet()),
                        "arrays per time step and data set (transient " + timed + ", legacy " + legacy + ")");
                for (Map.Entry<String, double[]> e : expected.entrySet())
                    assertArrayEquals(e.getValue(), got.get(e.getKey()), e.getKey());
            }
            java.nio.file.Files.delete(h5);
        }
    }

    /** "TIME/INDEX/ARRAY" -> values, for the data sets of each time step in sidecar order, from the HDF5 file. */
    private static Map<String, double[]> expected(Path sidecar, Path h5) throws Exception {
        Element domain = children(parse(sidecar).getDocumentElement(), "Domain").get(0);
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        List<Element> top = children(domain, "Grid");
        try (ResultReader r = ResultReader.open(h5)) {
            if (top.size() == 1 && top.get(0).getAttribute("CollectionType").equals("Temporal")) {
                for (Element step : children(top.get(0), "Grid")) {
                    String t = String.valueOf(Double.parseDouble(children(step, "Time").get(0).getAttribute("Value")));
                    List<Element> gs = children(step, "Grid");
                    for (int i = 0; i < gs.size(); i++) arrays(out, t + "/" + i, gs.get(i), r);
                }
            } else {
                for (int i = 0; i < top.size(); i++) arrays(out, "none/" + i, top.get(i), r);
            }
        }
        return out;
    }

    private static void arrays(Map<String, double[]> out, String key, Element grid, ResultReader r) {
        for (Element a : children(grid, "Attribute")) {
            Element it = children(a, "DataItem").get(0);
            double[] v;
            if (it.getAttribute("Format").equals("XML")) {
                String[] tok = it.getTextContent().trim().split("\\s+");
                v = new double[tok.length];
                for (int i = 0; i < tok.length; i++) v[i] = Double.parseDouble(tok[i]);
            } else {
                String ref;
                int slab = -1;
                if (it.getAttribute("ItemType").equals("HyperSlab")) {
                    slab = Integer.parseInt(children(it, "DataItem").get(0).getTextContent().trim().split("\\s+")[0]);
                    ref = children(it, "DataItem").get(1).getTextContent();
                } else ref = it.getTextContent();
                String path = ref.substring(ref.indexOf(":/") + 1);
                if (path.contains("|")) {
                    slab = Integer.parseInt(path.substring(path.indexOf('|') + 1).split("[ :]")[0]);
                    path = path.substring(0, path.indexOf('|'));
                }
                ResultReader.Data d = r.read(path);
                v = d.flat();
                if (slab >= 0) {
                    int n = v.length / d.shape()[0];
                    v = java.util.Arrays.copyOfRange(v, slab * n, (slab + 1) * n);
                }
            }
            out.put(key + "/" + a.getAttribute("Name"), v);
        }
    }

    private Map<String, double[]> readWithParaView(Path pv, String reader) throws Exception {
        String script = String.join("\n",
                "import sys",
                "from paraview.simple import *",
                "from vtkmodules.util.numpy_support import vtk_to_numpy",
                "r = OpenDataFile('run.xdmf') if sys.argv[1] == 'default' else XDMFReader(FileNames=['run.xdmf'])",
                "r.UpdatePipelineInformation()",
                "print('reader', r.GetXMLName())",
                "def leaves(o):",
                "    if o.IsA('vtkMultiBlockDataSet'):",
                "        for i in range(o.GetNumberOfBlocks()):",
                "            if o.GetBlock(i) is not None: yield from leaves(o.GetBlock(i))",
                "    elif o.IsA('vtkMultiPieceDataSet'):",
                "        for i in range(o.GetNumberOfPieces()):",
                "            if o.GetPiece(i) is not None: yield from leaves(o.GetPiece(i))",
                "    else: yield o",
                "times = list(r.TimestepValues) or [None]",
                "for t in times:",
                "    r.UpdatePipeline(t) if t is not None else r.UpdatePipeline()",
                // the reader's own output: servermanager.Fetch garbles a bare vtkRectilinearGrid in 5.11
                "    d = r.GetClientSideObject().GetOutputDataObject(0)",
                "    for i, b in enumerate(leaves(d)):",
                "        for cd in (b.GetCellData(), b.GetPointData()):",
                "            for k in range(cd.GetNumberOfArrays()):",
                "                v = vtk_to_numpy(cd.GetArray(k)).astype(float).ravel()",
                "                print('A', 'none' if t is None else repr(float(t)), i, cd.GetArrayName(k), ' '.join('%.17g' % x for x in v))",
                "");
        Path py = dir.resolve("check.py");
        Files.writeString(py, script);
        Process p = new ProcessBuilder(pv.toString(), "--force-offscreen-rendering", py.getFileName().toString(), reader)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pvpython did not finish");
        assertEquals(0, p.exitValue(), out);
        Map<String, double[]> got = new java.util.LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("A ")) continue;
            String[] f = line.trim().split(" ");
            double[] v = new double[f.length - 4];
            for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(f[4 + i].replace("nan", "NaN"));
            got.put(f[1] + "/" + f[2] + "/" + f[3], v);
        }
        return got;
    }

    private static Element item(Element grid, String attribute) {
        return children(attribute(grid, attribute), "DataItem").get(0);
    }

    private static Element grid(Document doc, String name) {
        NodeList g = doc.getElementsByTagName("Grid");
        for (int i = 0; i < g.getLength(); i++)
            if (((Element) g.item(i)).getAttribute("Name").equals(name)) return (Element) g.item(i);
        throw new AssertionError("no grid " + name);
    }

    private static List<String> attributeNames(Element grid) {
        List<String> out = new ArrayList<>();
        for (org.w3c.dom.Node c = grid.getFirstChild(); c != null; c = c.getNextSibling())
            if (c instanceof Element e && e.getTagName().equals("Attribute")) out.add(e.getAttribute("Name"));
        return out;
    }

    private static Element attribute(Element grid, String name) {
        for (org.w3c.dom.Node c = grid.getFirstChild(); c != null; c = c.getNextSibling())
            if (c instanceof Element e && e.getTagName().equals("Attribute") && e.getAttribute("Name").equals(name)) return e;
        throw new AssertionError("no attribute " + name);
    }
}
