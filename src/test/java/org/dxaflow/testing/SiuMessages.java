package org.dxaflow.testing;

/** SIU appointment messages as a RIS sends them, for the appointment tests. */
public final class SiuMessages {

    private SiuMessages() {
    }

    /**
     * SIU^{trigger} for the order {@code placer}: SCH-2 filler appointment ID, SCH-11 TQ start,
     * SCH-25 filler status, SCH-26 placer order number; AIS-4 start. {@code start} may be empty.
     */
    public static String siu(String trigger, String version, String controlId, String placer, String appointmentId,
            String start, String fillerStatus) {
        String type = version.equals("2.3") ? "SIU^" + trigger : "SIU^" + trigger + "^SIU_S12";
        String sch = "SCH|" + appointmentId + "|" + appointmentId + "|".repeat(9) + (start.isEmpty() ? "" : "^^^" + start)
                + "|".repeat(14) + fillerStatus + "|" + placer + "^CRIS";
        return String.join("\r",
                "MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261128100000||" + type + "|" + controlId + "|P|" + version,
                sch,
                "PID|1||MR" + placer + "^^^RXA^MR||CASE^SIU||19800314|M",
                "RGS|1",
                "AIS|1||XDXAS^DXA scan lumbar spine and hip^L|" + start) + "\r";
    }
}
