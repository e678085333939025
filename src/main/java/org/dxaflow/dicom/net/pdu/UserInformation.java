package org.dxaflow.dicom.net.pdu;

import java.util.List;

/**
 * User information item (type 0x50, PS3.8 9.3.2.3 and PS3.7 annex D.3.3).
 *
 * @param maxPduLength maximum length of P-DATA-TF variable field the sender can receive; 0 means
 *     no limit (PS3.8 D.1)
 * @param implementationClassUid mandatory sub-item 0x52
 * @param implementationVersionName optional sub-item 0x55, null when absent
 * @param maxOpsInvoked async operations window (0x53), -1 when absent
 * @param maxOpsPerformed async operations window (0x53), -1 when absent
 */
public record UserInformation(long maxPduLength, String implementationClassUid,
                              String implementationVersionName, int maxOpsInvoked,
                              int maxOpsPerformed, List<RoleSelection> roleSelections,
                              List<RawItem> otherItems) {
    public UserInformation {
        if (maxPduLength < 0 || maxPduLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("max PDU length out of range: " + maxPduLength);
        }
        roleSelections = List.copyOf(roleSelections);
        otherItems = List.copyOf(otherItems);
    }

    public static UserInformation of(long maxPduLength, String implementationClassUid,
                                     String implementationVersionName) {
        return new UserInformation(maxPduLength, implementationClassUid, implementationVersionName,
                -1, -1, List.of(), List.of());
    }

    public boolean hasAsyncOpsWindow() {
        return maxOpsInvoked >= 0;
    }
}
