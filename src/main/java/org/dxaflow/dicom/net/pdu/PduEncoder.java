package org.dxaflow.dicom.net.pdu;

import java.util.List;

/**
 * Encodes {@link Pdu} records into complete PDUs (header + body), byte-exact per PS3.8 9.3.
 *
 * <p>UIDs are written without padding: PS3.8 9.3.2.2.1 says UID values in items are not padded
 * (the item length delimits them), unlike UIDs inside data sets.
 */
public final class PduEncoder {

    public byte[] encode(Pdu pdu) {
        ByteWriter body = new ByteWriter();
        if (pdu instanceof AAssociateRq rq) {
            associate(body, rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle(),
                    rq.applicationContextName(), rq.userInformation(), w -> {
                        for (PresentationContextRq pc : rq.presentationContexts()) {
                            ByteWriter item = new ByteWriter().u8(pc.id()).zeros(3);
                            subItem(item, PduDecoder.ITEM_ABSTRACT_SYNTAX, ByteWriter.ascii(pc.abstractSyntax()));
                            for (String ts : pc.transferSyntaxes()) {
                                subItem(item, PduDecoder.ITEM_TRANSFER_SYNTAX, ByteWriter.ascii(ts));
                            }
                            subItem(w, PduDecoder.ITEM_PRESENTATION_CONTEXT_RQ, item.toByteArray());
                        }
                    });
        } else if (pdu instanceof AAssociateAc ac) {
            associate(body, ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle(),
                    ac.applicationContextName(), ac.userInformation(), w -> {
                        for (PresentationContextAc pc : ac.presentationContexts()) {
                            ByteWriter item = new ByteWriter().u8(pc.id()).u8(0).u8(pc.result()).u8(0);
                            subItem(item, PduDecoder.ITEM_TRANSFER_SYNTAX, ByteWriter.ascii(pc.transferSyntax()));
                            subItem(w, PduDecoder.ITEM_PRESENTATION_CONTEXT_AC, item.toByteArray());
                        }
                    });
        } else if (pdu instanceof AAssociateRj rj) {
            body.u8(0).u8(rj.result()).u8(rj.source()).u8(rj.reason());
        } else if (pdu instanceof PDataTf p) {
            for (PresentationDataValue pdv : p.pdvs()) {
                body.u32(2L + pdv.data().length).u8(pdv.presentationContextId()).u8(pdv.controlHeader())
                        .bytes(pdv.data());
            }
        } else if (pdu instanceof AAbort a) {
            body.u8(0).u8(0).u8(a.source()).u8(a.reason());
        } else {
            body.zeros(4); // A-RELEASE-RQ / A-RELEASE-RP: reserved
        }
        byte[] b = body.toByteArray();
        return new ByteWriter().u8(pdu.type()).u8(0).u32(b.length).bytes(b).toByteArray();
    }

    private interface ContextWriter {
        void write(ByteWriter w);
    }

    private static void associate(ByteWriter w, int version, String called, String calling, String appContext,
                                  UserInformation ui, ContextWriter contexts) {
        w.u16(version).zeros(2).aeTitle(called).aeTitle(calling).zeros(32);
        subItem(w, PduDecoder.ITEM_APPLICATION_CONTEXT, ByteWriter.ascii(appContext));
        contexts.write(w);
        subItem(w, PduDecoder.ITEM_USER_INFORMATION, userInfo(ui));
    }

    private static byte[] userInfo(UserInformation ui) {
        ByteWriter w = new ByteWriter();
        subItem(w, PduDecoder.ITEM_MAX_LENGTH, new ByteWriter().u32(ui.maxPduLength()).toByteArray());
        subItem(w, PduDecoder.ITEM_IMPLEMENTATION_CLASS_UID, ByteWriter.ascii(ui.implementationClassUid()));
        if (ui.hasAsyncOpsWindow()) {
            subItem(w, PduDecoder.ITEM_ASYNC_OPS_WINDOW,
                    new ByteWriter().u16(ui.maxOpsInvoked()).u16(ui.maxOpsPerformed()).toByteArray());
        }
        List<RoleSelection> roles = ui.roleSelections();
        for (RoleSelection role : roles) {
            byte[] uid = ByteWriter.ascii(role.sopClassUid());
            subItem(w, PduDecoder.ITEM_ROLE_SELECTION, new ByteWriter().u16(uid.length).bytes(uid)
                    .u8(role.scuRole() ? 1 : 0).u8(role.scpRole() ? 1 : 0).toByteArray());
        }
        if (ui.implementationVersionName() != null) {
            subItem(w, PduDecoder.ITEM_IMPLEMENTATION_VERSION_NAME, ByteWriter.ascii(ui.implementationVersionName()));
        }
        for (RawItem raw : ui.otherItems()) {
            subItem(w, raw.type(), raw.value());
        }
        return w.toByteArray();
    }

    private static void subItem(ByteWriter w, int type, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("item 0x" + Integer.toHexString(type) + " too long");
        }
        w.u8(type).u8(0).u16(value.length).bytes(value);
    }
}
