package org.wafersim.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wafersim.errors.InputException;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;
import static org.wafersim.io.Samples.*;

class XdmfWriterTest {
    private static final List<XdmfWriter.FieldRef> FIELDS = List.of(
            new XdmfWriter.FieldRef("temperature", "/thermal/temperature"),
            new XdmfWriter.FieldRef("material_id", "/mesh/material_id"));

    @TempDir
    Path dir;

    @Test
    void sidecarParsesAndPointsAtDatasetsWithMatchingShapes() throws Exception {
        Path h5 = dir.resolve("run.h5");
        result().writeAtomically(h5, false);
        Path sidecar = XdmfWriter.write(h5, X, Y, Z, FIELDS, false);
        assertEquals(dir.resolve("run.xdmf"), sidecar);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(sidecar.toFile());
        Element topology = (Element) doc.getElementsByTagName("Topology").item(0);
        assertEquals("3DRectMesh", topology.getAttribute("TopologyType"));
        assertEquals((NZ + 1) + " " + (NY + 1) + " " + (NX + 1), topology.getAttribute("Dimensions"));
        Element geometry = (Element) doc.getElementsByTagName("Geometry").item(0);
        assertEquals("VXVYVZ", geometry.getAttribute("GeometryType"));

        List<String> referenced = new ArrayList<>();
        NodeList items = doc.getElementsByTagName("DataItem");
        assertEquals(3 + FIELDS.size(), items.getLength());
        try (ResultReader r = ResultReader.open(h5)) {
            for (int n = 0; n < items.getLength(); n++) {
                Element item = (Element) items.item(n);
                assertEquals("HDF", item.getAttribute("Format"));
                String[] ref = item.getTextContent().trim().split(":", 2);
                assertEquals("run.h5", ref[0], "file name relative to the sidecar's folder");
                referenced.add(ref[1]);
                int[] shape = r.read(ref[1]).shape(); // also proves the dataset exists
                String dims = Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining(" "));
                assertEquals(dims, item.getAttribute("Dimensions"), ref[1]);
            }
        }
        assertEquals(List.of("/mesh/x", "/mesh/y", "/mesh/z", "/thermal/temperature", "/mesh/material_id"), referenced);

        NodeList attributes = doc.getElementsByTagName("Attribute");
        assertEquals(2, attributes.getLength());
        Element t = (Element) attributes.item(0);
        assertEquals("temperature", t.getAttribute("Name"));
        assertEquals("Cell", t.getAttribute("Center"));
        assertEquals("Scalar", t.getAttribute("AttributeType"));
    }

    @Test
    void sidecarFollowsTheOverwriteRules() throws Exception {
        Path h5 = dir.resolve("run.h5");
        Path sidecar = XdmfWriter.write(h5, X, Y, Z, FIELDS, false);
        String first = Files.readString(sidecar);
        assertThrows(InputException.class, () -> XdmfWriter.write(h5, X, Y, Z, List.of(), false));
        assertEquals(first, Files.readString(sidecar));
        XdmfWriter.write(h5, X, Y, Z, List.of(), true);
        assertFalse(Files.readString(sidecar).contains("temperature"));
        assertThrows(InputException.class,
                () -> XdmfWriter.write(dir.resolve("missing/run.h5"), X, Y, Z, FIELDS, true));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("run.xdmf"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void namesAreEscapedAndInputsChecked() throws Exception {
        String text = XdmfWriter.xdmf("a&b.h5", X, Y, Z, List.of(new XdmfWriter.FieldRef("T <°C>", "/t")));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("T <°C>", ((Element) doc.getElementsByTagName("Attribute").item(0)).getAttribute("Name"));
        assertTrue(doc.getElementsByTagName("DataItem").item(0).getTextContent().startsWith("a&b.h5:"));

        assertThrows(IllegalArgumentException.class, () -> XdmfWriter.xdmf("dir/run.h5", X, Y, Z, List.of()));
        assertThrows(IllegalArgumentException.class, () -> XdmfWriter.xdmf("run.h5", new double[]{0}, Y, Z, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> XdmfWriter.xdmf("run.h5", new double[]{0, 2, 1}, Y, Z, List.of()), "not increasing");
        assertThrows(IllegalArgumentException.class, () -> new XdmfWriter.FieldRef("t", "thermal/t"));
        assertThrows(IllegalArgumentException.class, () -> new XdmfWriter.FieldRef("", "/t"));
        assertThrows(IllegalArgumentException.class, () -> XdmfWriter.xdmf("run.h5", X, Y, Z,
                List.of(new XdmfWriter.FieldRef("t", "/a"), new XdmfWriter.FieldRef("t", "/b"))), "duplicate name");
    }
}
