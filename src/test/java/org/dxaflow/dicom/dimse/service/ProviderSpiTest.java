package org.dxaflow.dicom.dimse.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dxaflow.dicom.dimse.CEchoRq;
import org.dxaflow.dicom.dimse.CFindRq;
import org.dxaflow.dicom.dimse.CFindRsp;
import org.dxaflow.dicom.dimse.CStoreRq;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.DimseResponse;
import org.dxaflow.dicom.dimse.NCreateRq;
import org.dxaflow.dicom.dimse.NCreateRsp;
import org.dxaflow.dicom.dimse.NSetRq;
import org.dxaflow.dicom.dimse.NSetRsp;
import org.dxaflow.dicom.dimse.Priority;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider SPI: streaming C-FIND with C-CANCEL, N-CREATE/N-SET, failures never unanswered. */
class ProviderSpiTest {
    static final String MWL_FIND = "1.2.840.10008.5.1.4.31";
    static final String MPPS = "1.2.840.10008.3.1.2.3.3";
    static final String EXPLICIT = Uids.EXPLICIT_VR_LITTLE_ENDIAN;

    private DicomServer server;
    private final CountDownLatch cancelSeen = new CountDownLatch(1);
    private final List<String> mppsCalls = new CopyOnWriteArrayList<>();
    private DimseClient client;

    @BeforeEach
    void start() throws Exception {
        FindHandler endlessWorklist = (request, responder) -> {
            // streams matches until the SCU cancels; a real worklist would stop when out of rows
            for (int i = 0; i < 10_000 && !responder.isCancelled(); i++) {
                responder.match(responder.dataSet(("match" + i).getBytes(StandardCharsets.US_ASCII)));
                Thread.sleep(5);
            }
            if (responder.isCancelled()) {
                cancelSeen.countDown();
            }
            return Status.SUCCESS;
        };
        NormalizedHandler mpps = new NormalizedHandler() {
            @Override
            public NResult create(NRequest request) {
                mppsCalls.add("create " + request.sopInstanceUid() + " " + new String(request.attributes().bytes(),
                        StandardCharsets.US_ASCII));
                return NResult.of(Status.SUCCESS, request.sopInstanceUid() == null ? "2.25.99" : null);
            }

            @Override
            public NResult set(NRequest request) {
                mppsCalls.add("set " + request.sopInstanceUid());
                return request.sopInstanceUid().equals("2.25.99") ? NResult.of(Status.SUCCESS, null)
                        : NResult.of(Status.NO_SUCH_SOP_INSTANCE, null);
            }
        };
        ServiceRegistry registry = ServiceRegistry.builder()
                .register(Uids.VERIFICATION, new VerificationScp())
                .register(MWL_FIND, new FindScp(endlessWorklist))
                .register(MPPS, new NormalizedScp(mpps))
                .register("1.2.840.10008.5.1.4.1.1.7", (ctx, msg) -> {
                    throw new IllegalStateException("provider bug");
                })
                .build();
        server = TestServers.start(TestServers.config("OURAE"), registry);
        List<PresentationContextRq> pcs = List.of(
                new PresentationContextRq(1, Uids.VERIFICATION, List.of(EXPLICIT)),
                new PresentationContextRq(3, MWL_FIND, List.of(EXPLICIT)),
                new PresentationContextRq(5, MPPS, List.of(EXPLICIT)),
                new PresentationContextRq(7, "1.2.840.10008.5.1.4.1.1.7", List.of(EXPLICIT)));
        client = DimseClient.open(new AssociationRequestor(RequestorConfig.defaults("SCU")), "127.0.0.1",
                server.port(), "OURAE", pcs);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void cFindStreamsPendingAndHonoursCancel() throws Exception {
        PresentationContext pc = client.requireContext(MWL_FIND, EXPLICIT);
        int id = client.nextMessageId();
        PendingRequest p = client.invoke(pc.id(), new CFindRq(id, MWL_FIND, Priority.MEDIUM),
                new DataSet(new byte[] {1, 2, 3, 4}, EXPLICIT));
        for (int i = 0; i < 3; i++) {
            DimseMessage m = p.next(Duration.ofSeconds(5));
            CFindRsp rsp = assertInstanceOf(CFindRsp.class, m.command());
            assertEquals(Status.PENDING, rsp.status());
            assertEquals(id, rsp.messageIdBeingRespondedTo());
            assertArrayEquals(("match" + i).getBytes(StandardCharsets.US_ASCII), m.dataSet().bytes());
        }
        client.cancel(pc.id(), id);
        assertTrue(cancelSeen.await(5, TimeUnit.SECONDS), "provider must observe the C-CANCEL while streaming");
        DimseMessage last = p.awaitFinal(Duration.ofSeconds(5));
        // PS3.4 C.4.1.1.4: a cancelled C-FIND ends with status Cancel 0xFE00
        assertEquals(Status.CANCEL, ((CFindRsp) last.command()).status());
        // the association is still usable afterwards
        assertEquals(Status.SUCCESS, client.echo());
    }

    @Test
    void nCreateAndNSetReachTheHandler() throws Exception {
        PresentationContext pc = client.requireContext(MPPS, EXPLICIT);
        DimseMessage created = client.invoke(pc.id(), new NCreateRq(client.nextMessageId(), MPPS, null),
                new DataSet("IN PROGRESS".getBytes(StandardCharsets.US_ASCII), EXPLICIT)).awaitFinal(Duration.ofSeconds(5));
        NCreateRsp crsp = assertInstanceOf(NCreateRsp.class, created.command());
        assertEquals(Status.SUCCESS, crsp.status());
        assertEquals("2.25.99", crsp.affectedSopInstanceUid(), "SCP-assigned instance UID is returned");
        DimseMessage set = client.invoke(pc.id(), new NSetRq(client.nextMessageId(), MPPS, "2.25.99"),
                new DataSet("COMPLETED".getBytes(StandardCharsets.US_ASCII), EXPLICIT)).awaitFinal(Duration.ofSeconds(5));
        assertEquals(Status.SUCCESS, assertInstanceOf(NSetRsp.class, set.command()).status());
        DimseMessage unknown = client.invoke(pc.id(), new NSetRq(client.nextMessageId(), MPPS, "2.25.7"),
                new DataSet(new byte[2], EXPLICIT)).awaitFinal(Duration.ofSeconds(5));
        assertEquals(Status.NO_SUCH_SOP_INSTANCE, ((NSetRsp) unknown.command()).status());
        assertEquals(List.of("create null IN PROGRESS", "set 2.25.99", "set 2.25.7"), mppsCalls);
    }

    @Test
    void failuresAreAnsweredNotDropped() throws Exception {
        // provider throws: Processing Failure 0x0110
        PresentationContext sc = client.requireContext("1.2.840.10008.5.1.4.1.1.7", EXPLICIT);
        DimseMessage m = client.invoke(sc.id(), new CStoreRq(client.nextMessageId(), "1.2.840.10008.5.1.4.1.1.7",
                "2.25.1"), new DataSet(new byte[8], EXPLICIT)).awaitFinal(Duration.ofSeconds(5));
        assertEquals(Status.PROCESSING_FAILURE, ((DimseResponse) m.command()).status());
        assertNotNull(((DimseResponse) m.command()).errorComment());
        // operation the provider does not implement: Unrecognized Operation 0x0211
        PresentationContext echo = client.requireContext(Uids.VERIFICATION, EXPLICIT);
        DimseMessage f = client.invoke(echo.id(), new CFindRq(client.nextMessageId(), Uids.VERIFICATION,
                Priority.MEDIUM), new DataSet(new byte[2], EXPLICIT)).awaitFinal(Duration.ofSeconds(5));
        assertEquals(Status.UNRECOGNIZED_OPERATION, ((DimseResponse) f.command()).status());
        // SOP class not matching the presentation context: SOP Class Not Supported 0x0122
        DimseMessage e = client.invoke(echo.id(), new CEchoRq(client.nextMessageId(), MPPS), null)
                .awaitFinal(Duration.ofSeconds(5));
        assertEquals(Status.SOP_CLASS_NOT_SUPPORTED, ((DimseResponse) e.command()).status());
    }
}
