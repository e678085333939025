package org.dxaflow.dicom.dimse.storage;

import java.util.List;

/** Outcomes of a batch, in the order the files were given. */
public record StoreResult(List<StoreOutcome> outcomes) {
    public StoreResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean allSucceeded() {
        return outcomes.stream().allMatch(StoreOutcome::succeeded);
    }

    public List<StoreOutcome> failures() {
        return outcomes.stream().filter(o -> !o.succeeded()).toList();
    }
}
