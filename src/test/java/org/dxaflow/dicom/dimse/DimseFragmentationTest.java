package org.dxaflow.dicom.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dxaflow.dicom.net.AssociationInfo;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.PduFormatException;
import org.dxaflow.dicom.net.pdu.PresentationDataValue;
import org.junit.jupiter.api.Test;

class DimseFragmentationTest {
    private static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private final AssociationInfo info = new AssociationInfo("A", "B", "x", 4096, "1.2", null,
            Map.of(1, new PresentationContext(1, SC, IMPLICIT), 3, new PresentationContext(3, "1.2.840.10008.1.1",
                    IMPLICIT)));

    @Test
    void fragmentSizesRespectPeerMaximum() {
        // PS3.8 D.1: the limit is on the P-DATA-TF variable field, which includes 6 bytes of PDV header
        assertEquals(4090, DimseMessageSender.maxFragment(4096));
        assertEquals(DimseMessageSender.UNLIMITED_FRAGMENT, DimseMessageSender.maxFragment(0));
        assertThrows(IllegalStateException.class, () -> DimseMessageSender.maxFragment(6));
        List<PresentationDataValue> pdvs = DimseMessageSender.fragment(1, new byte[10000], false, 4090);
        assertEquals(3, pdvs.size());
        assertTrue(pdvs.stream().allMatch(p -> p.encodedLength() <= 4096));
        assertEquals(List.of(false, false, true), pdvs.stream().map(PresentationDataValue::last).toList());
        List<PresentationDataValue> empty = DimseMessageSender.fragment(1, new byte[0], false, 4090);
        assertEquals(1, empty.size());
        assertTrue(empty.get(0).last());
    }

    @Test
    void reassemblesFragmentedCommandAndDataSet() throws Exception {
        byte[] data = new byte[20000];
        new Random(42).nextBytes(data);
        CStoreRq rq = new CStoreRq(9, SC, "1.2.3.4.5");
        byte[] command = new CommandSetCodec().encode(rq.toCommandSet(true));
        List<PresentationDataValue> pdvs = new ArrayList<>();
        pdvs.addAll(DimseMessageSender.fragment(1, command, true, 17));
        pdvs.addAll(DimseMessageSender.fragment(1, data, false, 1000));
        DimseMessageAssembler assembler = new DimseMessageAssembler(info, 1 << 20);
        List<DimseMessage> done = new ArrayList<>();
        // several PDVs per PDU too: PS3.8 allows it and DCMTK does it
        for (int i = 0; i < pdvs.size(); i += 3) {
            done.addAll(assembler.accept(new PDataTf(pdvs.subList(i, Math.min(pdvs.size(), i + 3)))));
            if (i + 3 < pdvs.size()) {
                assertTrue(done.isEmpty());
                assertTrue(assembler.inProgress());
            }
        }
        assertEquals(1, done.size());
        assertEquals(rq, done.get(0).command());
        assertArrayEquals(data, done.get(0).dataSet().bytes());
        assertEquals(IMPLICIT, done.get(0).dataSet().transferSyntaxUid());
        assertTrue(!assembler.inProgress());
    }

    @Test
    void aDataSetOverTheMaximumIsDiscardedAndReportedInsteadOfAbortingTheAssociation() throws Exception {
        byte[] storeCmd = new CommandSetCodec().encode(new CStoreRq(1, SC, "1.2.3").toCommandSet(true));
        DimseMessageAssembler assembler = new DimseMessageAssembler(info, 1000);
        List<DimseMessage> done = new ArrayList<>();
        done.addAll(assembler.accept(new PDataTf(List.of(new PresentationDataValue(1, true, true, storeCmd)))));
        for (int i = 0; i < 9; i++) {
            done.addAll(assembler.accept(new PDataTf(List.of(new PresentationDataValue(1, false, false,
                    new byte[600])))));
        }
        done.addAll(assembler.accept(new PDataTf(List.of(new PresentationDataValue(1, false, true, new byte[400])))));
        assertEquals(1, done.size());
        DimseMessage refused = done.get(0);
        assertEquals(new CStoreRq(1, SC, "1.2.3"), refused.command());
        assertTrue(refused.dataSetOversized());
        assertEquals(5800, refused.oversizedDataSetLength());
        assertEquals(null, refused.dataSet(), "nothing of it is kept");

        // the next message on the association is received whole
        byte[] next = new CommandSetCodec().encode(new CStoreRq(2, SC, "1.2.4").toCommandSet(true));
        List<DimseMessage> after = new ArrayList<>();
        after.addAll(assembler.accept(new PDataTf(List.of(new PresentationDataValue(1, true, true, next),
                new PresentationDataValue(1, false, true, new byte[1000])))));
        assertEquals(1, after.size());
        assertEquals(1000, after.get(0).dataSet().length());
        assertEquals(0, after.get(0).oversizedDataSetLength());
    }

    private void expectProtocolError(List<PresentationDataValue> pdvs) {
        DimseMessageAssembler assembler = new DimseMessageAssembler(info, 1000);
        assertThrows(PduFormatException.class, () -> {
            for (PresentationDataValue p : pdvs) {
                assembler.accept(new PDataTf(List.of(p)));
            }
        });
    }

    @Test
    void rejectsIllegalFragmentSequences() {
        byte[] storeCmd = new CommandSetCodec().encode(new CStoreRq(1, SC, "1.2.3").toCommandSet(true));
        // data set before any command
        expectProtocolError(List.of(new PresentationDataValue(1, false, true, new byte[4])));
        // context never accepted
        expectProtocolError(List.of(new PresentationDataValue(5, true, true, storeCmd)));
        // message switching context in the middle
        expectProtocolError(List.of(new PresentationDataValue(1, true, true, storeCmd),
                new PresentationDataValue(3, false, true, new byte[4])));
        // command fragment where data set fragments are expected
        expectProtocolError(List.of(new PresentationDataValue(1, true, true, storeCmd),
                new PresentationDataValue(1, true, true, storeCmd)));
        // garbage command set
        expectProtocolError(List.of(new PresentationDataValue(1, true, true, new byte[] {1, 2, 3})));
    }
}
