package org.dxaflow.order;

/** A patient the engine knows, with the demographics last received for them. */
public record Patient(long id, PatientDemographics demographics) {
}
