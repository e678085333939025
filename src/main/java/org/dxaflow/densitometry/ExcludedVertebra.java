package org.dxaflow.densitometry;

/** A vertebra left out of the spine result, with the reason a reader can check and whether a person confirmed it. */
public record ExcludedVertebra(Site site, String reason, ExclusionStatus status) {
}
