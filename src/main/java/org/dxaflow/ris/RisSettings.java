package org.dxaflow.ris;

/**
 * Where status messages go ({@code dxaflow.ris.*} in application.properties). An empty host turns
 * RIS messaging off: status changes are still recorded, just not sent.
 *
 * @param application MSH-3 of the messages dxaflow sends
 * @param facility    MSH-4
 * @param risApplication MSH-5, the RIS
 * @param risFacility    MSH-6
 */
public record RisSettings(String host, int port, int timeoutMs, String application, String facility,
        String risApplication, String risFacility) {

    public RisSettings {
        host = host == null ? "" : host.trim();
        risApplication = risApplication == null ? "" : risApplication.trim();
        risFacility = risFacility == null ? "" : risFacility.trim();
    }

    public boolean enabled() {
        return !host.isEmpty();
    }
}
