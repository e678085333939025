package org.dxaflow.hl7;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.order.NhsNumber;

/** Reads the retired identifiers of an A40 merge through {@code mappings/hl7/adt.yaml}. */
public final class MergeMapper {

    /** The identifiers of the patient record being merged away. */
    public record PriorIdentifiers(String mrn, String nhsNumber) {
        public boolean isEmpty() {
            return mrn.isEmpty() && nhsNumber.isEmpty();
        }
    }

    private final Map<String, List<FieldPath>> paths;

    public MergeMapper(Map<String, List<FieldPath>> paths) {
        this.paths = Map.copyOf(paths);
    }

    public static MergeMapper load(Path file) {
        return new MergeMapper(MappingFile.read(file, m -> m.paths("merge", Set.of("priorMrn", "priorNhsNumber"))));
    }

    public PriorIdentifiers map(Er7Message message) {
        return new PriorIdentifiers(
                MappingFile.first(paths.get("priorMrn"), message.segments()),
                NhsNumber.normalise(MappingFile.first(paths.get("priorNhsNumber"), message.segments())));
    }
}
