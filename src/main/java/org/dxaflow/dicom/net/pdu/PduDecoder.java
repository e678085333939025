package org.dxaflow.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes PDU bodies (everything after the 6-byte PDU header) into {@link Pdu} records.
 *
 * <p>Strict on structure: every length is checked against what is actually there, mandatory items
 * must be present exactly once, reserved header bits must be zero. Anything else is a
 * {@link PduFormatException} carrying the A-ABORT reason to send. Unknown top-level item types and
 * unknown user-information sub-items are tolerated (PS3.7 D.3.3 expects extensibility there).
 */
public final class PduDecoder {
    /** PS3.5 9.1: a UID is at most 64 characters; anything longer is garbage, not a UID. */
    static final int MAX_UID_LENGTH = 64;
    static final int ITEM_APPLICATION_CONTEXT = 0x10;
    static final int ITEM_PRESENTATION_CONTEXT_RQ = 0x20;
    static final int ITEM_PRESENTATION_CONTEXT_AC = 0x21;
    static final int ITEM_ABSTRACT_SYNTAX = 0x30;
    static final int ITEM_TRANSFER_SYNTAX = 0x40;
    static final int ITEM_USER_INFORMATION = 0x50;
    static final int ITEM_MAX_LENGTH = 0x51;
    static final int ITEM_IMPLEMENTATION_CLASS_UID = 0x52;
    static final int ITEM_ASYNC_OPS_WINDOW = 0x53;
    static final int ITEM_ROLE_SELECTION = 0x54;
    static final int ITEM_IMPLEMENTATION_VERSION_NAME = 0x55;

    public Pdu decode(int type, byte[] body) throws PduFormatException {
        ByteReader r = new ByteReader(body, 0, body.length);
        return switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ -> decodeRq(r);
            case Pdu.TYPE_ASSOCIATE_AC -> decodeAc(r);
            case Pdu.TYPE_ASSOCIATE_RJ -> decodeRj(r);
            case Pdu.TYPE_P_DATA_TF -> decodePData(r);
            case Pdu.TYPE_RELEASE_RQ -> {
                fixed(r, "A-RELEASE-RQ");
                yield new AReleaseRq();
            }
            case Pdu.TYPE_RELEASE_RP -> {
                fixed(r, "A-RELEASE-RP");
                yield new AReleaseRp();
            }
            case Pdu.TYPE_ABORT -> {
                fixed(r, "A-ABORT");
                r.skip(2, "A-ABORT reserved");
                yield new AAbort(r.u8("abort source"), r.u8("abort reason"));
            }
            default -> throw new PduFormatException(AAbort.REASON_UNRECOGNIZED_PDU,
                    "unrecognized PDU type 0x" + Integer.toHexString(type));
        };
    }

    private static void fixed(ByteReader r, String what) throws PduFormatException {
        if (r.remaining() != 4) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    what + " must have length 4, got " + r.remaining());
        }
    }

    private AAssociateRj decodeRj(ByteReader r) throws PduFormatException {
        fixed(r, "A-ASSOCIATE-RJ");
        r.skip(1, "RJ reserved");
        int result = r.u8("RJ result");
        int source = r.u8("RJ source");
        int reason = r.u8("RJ reason");
        if (result < 1 || result > 2 || source < 1 || source > 3) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    "A-ASSOCIATE-RJ result/source out of range: " + result + "/" + source);
        }
        return new AAssociateRj(result, source, reason);
    }

    private PDataTf decodePData(ByteReader r) throws PduFormatException {
        List<PresentationDataValue> pdvs = new ArrayList<>();
        while (r.remaining() > 0) {
            long len = r.u32("PDV item length");
            if (len < 2 || len > r.remaining()) {
                throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                        "PDV item length " + len + " impossible, " + r.remaining() + " left");
            }
            int pcId = r.u8("PDV presentation context id");
            int header = r.u8("PDV message control header");
            if ((header & ~0x03) != 0) {
                throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                        "PDV message control header has reserved bits set: 0x" + Integer.toHexString(header));
            }
            if (pcId % 2 == 0) {
                throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                        "PDV presentation context id must be odd: " + pcId);
            }
            byte[] data = r.bytes((int) len - 2, "PDV data");
            pdvs.add(new PresentationDataValue(pcId, (header & 1) != 0, (header & 2) != 0, data));
        }
        if (pdvs.isEmpty()) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE, "P-DATA-TF without PDV");
        }
        return new PDataTf(pdvs);
    }

    private record Header(int protocolVersion, String called, String calling) {
    }

    private static Header fixedAssociateFields(ByteReader r) throws PduFormatException {
        int version = r.u16("protocol version");
        r.skip(2, "reserved");
        String called = r.ascii(16, "called AE title");
        String calling = r.ascii(16, "calling AE title");
        r.skip(32, "reserved");
        return new Header(version, called, calling);
    }

    private AAssociateRq decodeRq(ByteReader r) throws PduFormatException {
        Header h = fixedAssociateFields(r);
        String appContext = null;
        UserInformation userInfo = null;
        List<PresentationContextRq> contexts = new ArrayList<>();
        while (r.remaining() > 0) {
            int itemType = r.u8("item type");
            r.skip(1, "item reserved");
            ByteReader item = r.slice(r.u16("item length"), "item 0x" + Integer.toHexString(itemType));
            switch (itemType) {
                case ITEM_APPLICATION_CONTEXT -> appContext = once(appContext, uid(item, "application context"),
                        "application context item");
                case ITEM_PRESENTATION_CONTEXT_RQ -> contexts.add(decodeContextRq(item));
                case ITEM_USER_INFORMATION -> userInfo = once(userInfo, decodeUserInfo(item), "user information item");
                default -> { } // unknown item: ignored, it was length-checked by slice()
            }
        }
        requireMandatory(appContext, userInfo);
        if (contexts.isEmpty()) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    "A-ASSOCIATE-RQ without presentation context");
        }
        return new AAssociateRq(h.protocolVersion(), h.called(), h.calling(), appContext, contexts, userInfo);
    }

    private AAssociateAc decodeAc(ByteReader r) throws PduFormatException {
        Header h = fixedAssociateFields(r);
        String appContext = null;
        UserInformation userInfo = null;
        List<PresentationContextAc> contexts = new ArrayList<>();
        while (r.remaining() > 0) {
            int itemType = r.u8("item type");
            r.skip(1, "item reserved");
            ByteReader item = r.slice(r.u16("item length"), "item 0x" + Integer.toHexString(itemType));
            switch (itemType) {
                case ITEM_APPLICATION_CONTEXT -> appContext = once(appContext, uid(item, "application context"),
                        "application context item");
                case ITEM_PRESENTATION_CONTEXT_AC -> contexts.add(decodeContextAc(item));
                case ITEM_USER_INFORMATION -> userInfo = once(userInfo, decodeUserInfo(item), "user information item");
                default -> { }
            }
        }
        requireMandatory(appContext, userInfo);
        return new AAssociateAc(h.protocolVersion(), h.called(), h.calling(), appContext, contexts, userInfo);
    }

    private static void requireMandatory(String appContext, UserInformation userInfo) throws PduFormatException {
        if (appContext == null) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE, "missing application context item");
        }
        if (userInfo == null) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE, "missing user information item");
        }
    }

    private static <T> T once(T previous, T value, String what) throws PduFormatException {
        if (previous != null) {
            throw new PduFormatException(AAbort.REASON_UNEXPECTED_PARAMETER, "duplicate " + what);
        }
        return value;
    }

    private static String uid(ByteReader item, String what) throws PduFormatException {
        if (item.remaining() == 0 || item.remaining() > MAX_UID_LENGTH) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    what + " UID has invalid length " + item.remaining());
        }
        return item.ascii(item.remaining(), what);
    }

    private PresentationContextRq decodeContextRq(ByteReader item) throws PduFormatException {
        int id = item.u8("presentation context id");
        item.skip(3, "presentation context reserved");
        if (id % 2 == 0) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    "presentation context id must be odd: " + id);
        }
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (item.remaining() > 0) {
            int subType = item.u8("sub-item type");
            item.skip(1, "sub-item reserved");
            ByteReader sub = item.slice(item.u16("sub-item length"), "presentation context sub-item");
            switch (subType) {
                case ITEM_ABSTRACT_SYNTAX -> abstractSyntax = once(abstractSyntax, uid(sub, "abstract syntax"),
                        "abstract syntax sub-item");
                case ITEM_TRANSFER_SYNTAX -> transferSyntaxes.add(uid(sub, "transfer syntax"));
                default -> throw new PduFormatException(AAbort.REASON_UNRECOGNIZED_PARAMETER,
                        "unexpected presentation context sub-item 0x" + Integer.toHexString(subType));
            }
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty()) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    "presentation context " + id + " lacks abstract or transfer syntax");
        }
        return new PresentationContextRq(id, abstractSyntax, transferSyntaxes);
    }

    private PresentationContextAc decodeContextAc(ByteReader item) throws PduFormatException {
        int id = item.u8("presentation context id");
        item.skip(1, "reserved");
        int result = item.u8("presentation context result");
        item.skip(1, "reserved");
        if (id % 2 == 0 || result > 4) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    "presentation context AC id/result invalid: " + id + "/" + result);
        }
        String ts = null;
        while (item.remaining() > 0) {
            int subType = item.u8("sub-item type");
            item.skip(1, "sub-item reserved");
            ByteReader sub = item.slice(item.u16("sub-item length"), "presentation context sub-item");
            if (subType != ITEM_TRANSFER_SYNTAX) {
                throw new PduFormatException(AAbort.REASON_UNRECOGNIZED_PARAMETER,
                        "unexpected presentation context AC sub-item 0x" + Integer.toHexString(subType));
            }
            // some implementations send an empty TS sub-item for rejected contexts
            String value = sub.remaining() == 0 ? "" : uid(sub, "transfer syntax");
            ts = once(ts, value, "transfer syntax sub-item");
        }
        if (result == PresentationContextAc.RESULT_ACCEPTANCE && (ts == null || ts.isEmpty())) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    "accepted presentation context " + id + " without transfer syntax");
        }
        return new PresentationContextAc(id, result, ts);
    }

    private UserInformation decodeUserInfo(ByteReader item) throws PduFormatException {
        long maxLength = -1;
        String implClass = null;
        String implVersion = null;
        int invoked = -1;
        int performed = -1;
        List<RoleSelection> roles = new ArrayList<>();
        List<RawItem> others = new ArrayList<>();
        while (item.remaining() > 0) {
            int subType = item.u8("user info sub-item type");
            item.skip(1, "reserved");
            ByteReader sub = item.slice(item.u16("user info sub-item length"), "user info sub-item");
            switch (subType) {
                case ITEM_MAX_LENGTH -> {
                    exact(sub, 4, "maximum length sub-item");
                    if (maxLength >= 0) {
                        throw new PduFormatException(AAbort.REASON_UNEXPECTED_PARAMETER, "duplicate maximum length");
                    }
                    maxLength = sub.u32("maximum length");
                }
                case ITEM_IMPLEMENTATION_CLASS_UID -> implClass = once(implClass,
                        uid(sub, "implementation class"), "implementation class UID");
                case ITEM_IMPLEMENTATION_VERSION_NAME -> {
                    if (sub.remaining() > 16) {
                        throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                                "implementation version name longer than 16");
                    }
                    implVersion = once(implVersion, sub.ascii(sub.remaining(), "version name"),
                            "implementation version name");
                }
                case ITEM_ASYNC_OPS_WINDOW -> {
                    exact(sub, 4, "asynchronous operations window");
                    invoked = sub.u16("max ops invoked");
                    performed = sub.u16("max ops performed");
                }
                case ITEM_ROLE_SELECTION -> {
                    int uidLen = sub.u16("role selection UID length");
                    ByteReader uidReader = sub.slice(uidLen, "role selection UID");
                    String uid = uid(uidReader, "role selection SOP class");
                    int scu = sub.u8("SCU role");
                    int scp = sub.u8("SCP role");
                    if (sub.remaining() != 0 || scu > 1 || scp > 1) {
                        throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                                "malformed role selection sub-item");
                    }
                    roles.add(new RoleSelection(uid, scu == 1, scp == 1));
                }
                default -> others.add(new RawItem(subType, sub.bytes(sub.remaining(), "raw sub-item")));
            }
        }
        // Tolerated absences: some legacy peers omit these; 0 = "no limit" per PS3.8 D.1.
        return new UserInformation(maxLength < 0 ? 0 : maxLength, implClass == null ? "" : implClass,
                implVersion, invoked, performed, roles, others);
    }

    private static void exact(ByteReader sub, int n, String what) throws PduFormatException {
        if (sub.remaining() != n) {
            throw new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE,
                    what + " must have length " + n + ", got " + sub.remaining());
        }
    }
}
