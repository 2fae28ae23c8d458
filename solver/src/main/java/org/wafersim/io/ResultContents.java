package org.wafersim.io;

import java.util.List;
import java.util.Map;

/**
 * What the XDMF sidecar reads of a result: its datasets (path, shape, type, units), numeric values, attributes and
 * why a dataset was left out. Either the written file ({@link ResultReader}) or the {@link ResultFile} that was just
 * written, whose tree is what jhdf put into the file ({@link ResultFile#contents()}): the run builds its sidecar from
 * memory instead of opening and reading back the result it has just written.
 */
interface ResultContents {
    /** Every dataset, depth first in name order (groups and datasets of a group merged in one name order). */
    List<ResultReader.DatasetInfo> datasets();

    /** A numeric dataset as doubles in C order, with its shape. */
    ResultReader.Data read(String datasetPath);

    /** The attributes of a group or dataset ("/" is the root), by name. */
    Map<String, Object> attributes(String path);

    /** Why the run left the dataset out (output.fields), or null when it did not. */
    String omittedReason(String path);

    /** The reason of {@link #omittedReason} for a dataset listed in {@code omitted_datasets}. */
    static String omittedBecause(Object outputFields) {
        return "not in this result: the run was made with output.fields: " + (outputFields == null ? "cores"
                : outputFields) + ", which leaves out the cell-grid fields; rerun without it (or with output.fields: all)"
                + " to get it";
    }
}
