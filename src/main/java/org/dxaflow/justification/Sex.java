package org.dxaflow.justification;

/** Administrative sex as sent on the order (PID-8 reduced to what the criteria use). */
public enum Sex { F, M, U }
