package org.dxaflow.justification;

/**
 * The written delegation under which AUTO decisions are made: seed "Appointment" — the practitioner
 * "may delegate this task to an operator ... the practitioner must provide written criteria". The
 * rule set is those criteria; this names whose they are and which document grants the delegation.
 */
public record Delegation(Practitioner practitioner, String document) { }
