package org.dxaflow.densitometry;

/** Name, version and citation of one loaded conf file, reported in the provenance of each result. */
public record ReferenceDataset(String name, String version, String citation, String file) {
}
