package org.dxaflow.justification;

/** An entitled referrer from referrers.yaml (IRMER: entitled under the employer's procedures). */
public record ListedReferrer(String id, String name, String role) { }
