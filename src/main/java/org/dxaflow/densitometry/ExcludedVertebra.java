package org.dxaflow.densitometry;

/** A vertebra left out of the spine result, with the reason a reader can check. */
public record ExcludedVertebra(Site site, String reason) {
}
