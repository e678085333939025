package org.dxaflow.justification;

/**
 * A scan protocol as it goes into the worklist's ScheduledProtocolCodeSequence
 * (Code Value, Coding Scheme Designator, Code Meaning). Defined in rules.yaml.
 */
public record ProtocolCode(String value, String codingSchemeDesignator, String meaning) { }
