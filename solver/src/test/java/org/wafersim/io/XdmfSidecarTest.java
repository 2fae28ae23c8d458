package org.wafersim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The complete sidecar ({@link XdmfWriter#forResult}): every 3-D cell field, the void flags, the snapshots as a
 * temporal collection, each mechanics state on its own mesh, and an absolute HDF5 reference. Where ParaView's Python
 * (Debian's paraview) is installed, the sidecar is also opened by a bare file name from its folder and the arrays,
 * cells and time steps counted.
 */
class XdmfSidecarTest {
    @TempDir Path dir;
    static final int NX = 4, NY = 3, NZ = 2, MX = 3, MY = 2;

    private Path result() throws Exception {
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
        ResultFile f = new ResultFile()
                .dataset("/mesh/x", new double[]{0, 1, 2, 3, 4}, new int[]{NX + 1}, "m")
                .dataset("/mesh/y", new double[]{0, 1, 2, 3}, new int[]{NY + 1}, "m")
                .dataset("/mesh/z", new double[]{0, 0.5, 1}, new int[]{NZ + 1}, "m")
                .intDataset("/mesh/material_id", mat, s3, "1")
                .byteDataset("/mesh/vtk_ghost_type", ghost, s3, "1")
                .dataset("/thermal/temperature", t, s3, "degC")
                .dataset("/thermal/power_density", q, s3, "W/m^3")
                .dataset("/transient/time", new double[]{0, 1, 2, 10}, new int[]{4}, "s")
                .dataset("/transient/snapshots/0000/temperature", t, s3, "degC")
                .datasetAttribute("/transient/snapshots/0000/temperature", "time_s", 1.0)
                .dataset("/transient/snapshots/0001/temperature", t2, s3, "degC")
                .datasetAttribute("/transient/snapshots/0001/temperature", "time_s", 2.0)
                .dataset("/transient/final_temperature", t2, s3, "degC")
                .dataset("/mechanics/node_x", new double[]{0, 2, 3, 4}, new int[]{MX + 1}, "m")
                .dataset("/mechanics/node_y", new double[]{0, 1, 3}, new int[]{MY + 1}, "m")
                .attribute("/mechanics", "states", new String[]{"full", "idle", "snapshot_0000", "snapshot_0001"})
                .dataset("/mechanics/connector_shear_strain", new double[]{1, 2, 3, 4, 5, 6}, new int[]{MY, MX}, "1")
                .dataset("/mechanics/warpage", new double[12], new int[]{MY + 1, MX + 1}, "m")
                .dataset("/mechanics/stress_xx", new double[18], new int[]{3, MY, MX}, "Pa")
                .dataset("/mechanics/states/idle/connector_shear_strain", new double[6], new int[]{MY, MX}, "1")
                .dataset("/mechanics/states/snapshot_0000/connector_shear_strain", new double[6], new int[]{MY, MX}, "1")
                .dataset("/mechanics/states/snapshot_0001/connector_shear_strain", new double[6], new int[]{MY, MX}, "1")
                .dataset("/reliability/connector_life", new double[]{7, 7, 7, 7, 7, 7}, new int[]{MY, MX}, "years");
        Path h5 = dir.resolve("run.h5");
        f.writeAtomically(h5, false);
        return h5;
    }

    @Test
    void everyFieldStateAndSnapshotIsInTheSidecar() throws Exception {
        Path h5 = result();
        Path sidecar = XdmfWriter.forResult(h5, false);
        assertEquals(dir.resolve("run.xdmf"), sidecar);
        String text = Files.readString(sidecar);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> top = new ArrayList<>();
        NodeList grids = doc.getDocumentElement().getElementsByTagName("Domain").item(0).getChildNodes();
        for (int i = 0; i < grids.getLength(); i++)
            if (grids.item(i) instanceof Element e && e.getTagName().equals("Grid")) top.add(e.getAttribute("Name"));
        assertEquals(List.of("wafer", "snapshots", "mechanics_full", "mechanics_idle", "mechanics_snapshots"), top);
        Element ms = grid(doc, "mechanics_snapshots");
        assertEquals("Temporal", ms.getAttribute("CollectionType"));
        NodeList mt = ms.getElementsByTagName("Time");
        assertEquals(2, mt.getLength());
        assertEquals("2.0", ((Element) mt.item(1)).getAttribute("Value"), "snapshot_0001 is at the time of snapshot 0001");
        Element wafer = grid(doc, "wafer");
        assertEquals(List.of("material_id", "power_density_W_per_m3", "temperature_degC", "final_temperature_degC",
                "vtkGhostType"), attributeNames(wafer));
        Element ghost = attribute(wafer, "vtkGhostType");
        Element item = (Element) ghost.getElementsByTagName("DataItem").item(0);
        assertEquals("UChar", item.getAttribute("NumberType"));
        Element mat = (Element) attribute(wafer, "material_id").getElementsByTagName("DataItem").item(0);
        assertEquals("Int", mat.getAttribute("NumberType"));
        // every heavy-data reference is the absolute path of the result, so a bare-name opening finds it
        NodeList items = doc.getElementsByTagName("DataItem");
        for (int i = 0; i < items.getLength(); i++) {
            Element e = (Element) items.item(i);
            if (e.getAttribute("Format").equals("HDF"))
                assertTrue(e.getTextContent().startsWith(h5.toAbsolutePath().normalize() + ":/"), e.getTextContent());
        }
        Element snaps = grid(doc, "snapshots");
        assertEquals("Temporal", snaps.getAttribute("CollectionType"));
        NodeList times = snaps.getElementsByTagName("Time");
        List<String> tv = new ArrayList<>();
        for (int i = 0; i < times.getLength(); i++) tv.add(((Element) times.item(i)).getAttribute("Value"));
        assertEquals(List.of("1.0", "2.0", "10.0"), tv, "the snapshots and the end of the run");
        Element full = grid(doc, "mechanics_full");
        assertEquals(List.of("connector_shear_strain", "stress_xx_bottom_Pa", "stress_xx_middle_Pa",
                "stress_xx_top_Pa", "warpage_m", "connector_life_years"), attributeNames(full));
        assertEquals("Node", attribute(full, "warpage_m").getAttribute("Center"));
        assertEquals(List.of("connector_shear_strain"), attributeNames(grid(doc, "mechanics_idle")));
    }

    @Test
    void paraviewOpensItByABareFileName() throws Exception {
        Path pv = Path.of("/usr/bin/pvpython");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(pv), "ParaView (pvpython) is not installed");
        Path h5 = result();
        XdmfWriter.forResult(h5, false);
        String script = String.join("\n",
                "from paraview.simple import *",
                "import paraview.servermanager as sm",
                "for reader in ('xdmf', 'xdmf3'):",
                "    r = XDMFReader(FileNames=['run.xdmf']) if reader == 'xdmf' else Xdmf3ReaderT(FileName=['run.xdmf'])",
                "    r.UpdatePipelineInformation()",
                "    print(reader, 'times', list(r.TimestepValues))",
                "    r.UpdatePipeline(2.0)",
                "    d = sm.Fetch(r)",
                "    if reader == 'xdmf':",
                "        it = d.NewIterator(); it.InitTraversal()",
                "        while not it.IsDoneWithTraversal():",
                "            b = it.GetCurrentDataObject()",
                "            names = sorted(b.GetCellData().GetArrayName(i) for i in range(b.GetCellData().GetNumberOfArrays()))",
                "            print('block', b.GetNumberOfCells(), ','.join(names))",
                "            it.GoToNextItem()",
                "");
        Path py = dir.resolve("check.py");
        Files.writeString(py, script);
        Process p = new ProcessBuilder(pv.toString(), py.getFileName().toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pvpython did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("xdmf times [1.0, 2.0, 10.0]"), out);
        assertTrue(out.contains("xdmf3 times [1.0, 2.0, 10.0]"), "the Xdmf3 reader opens it by a bare name too: " + out);
        assertTrue(out.contains("block 24 final_temperature_degC,material_id,power_density_W_per_m3,temperature_degC,vtkGhostType"), out);
        assertTrue(out.contains("block 24 material_id,temperature_degC,vtkGhostType"), out);
        assertTrue(out.contains("block 6 connector_life_years,connector_shear_strain,stress_xx_bottom_Pa,stress_xx_middle_Pa,stress_xx_top_Pa"), out);
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
