package org.dxaflow.results.mapping;

import org.dxaflow.results.MappedResult;
import org.dxaflow.results.ResultIdentifiers;

/**
 * What reading an object through the mappings gave: the mapped result, or the error with whatever
 * identifiers could still be read (so an unmappable result still shows against its order).
 *
 * @param mapping the mapping that applied, null when none did
 */
public record MappingOutcome(String mapping, MappedResult result, ResultIdentifiers identifiers, String error) {

    static MappingOutcome mapped(MappedResult r) {
        return new MappingOutcome(r.mapping(), r, r.identifiers(), null);
    }

    static MappingOutcome failed(String mapping, ResultIdentifiers ids, String error) {
        return new MappingOutcome(mapping, null, ids, error);
    }

    public boolean isMapped() {
        return result != null;
    }
}
