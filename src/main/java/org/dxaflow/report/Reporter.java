package org.dxaflow.report;

/**
 * The person who verified or amended a report: the engine's user id, the name and role printed on
 * the report, and the professional registration (e.g. HCPC or GMC number) when known.
 */
public record Reporter(String id, String name, String role, String registration) {
    public Reporter {
        id = nz(id);
        name = nz(name);
        role = nz(role);
        registration = nz(registration);
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
