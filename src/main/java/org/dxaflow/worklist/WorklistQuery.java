package org.dxaflow.worklist;

import java.util.function.Consumer;
import org.dxaflow.dicom.data.Attributes;

/**
 * Where the Modality Worklist SCP finds its items. Implementations may narrow the search with the
 * keys they understand; the SCP still applies full PS3.4 matching to what they return.
 */
public interface WorklistQuery {

    /**
     * Streams candidate items for the query keys; returns early when {@code sink} says stop.
     *
     * @param keys the C-FIND identifier
     * @param sink receives each candidate as a Modality Worklist data set
     */
    void candidates(Attributes keys, Consumer<Attributes> sink);
}
