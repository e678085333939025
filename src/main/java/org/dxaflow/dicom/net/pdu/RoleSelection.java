package org.dxaflow.dicom.net.pdu;

/** SCP/SCU role selection sub-item (type 0x54, PS3.7 D.3.3.4). */
public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {
}
