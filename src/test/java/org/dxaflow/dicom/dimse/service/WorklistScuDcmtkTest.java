package org.dxaflow.dicom.dimse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.modality.WorklistQuery;
import org.dxaflow.dicom.net.AssociationRejectedException;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.testing.DcmtkWorklistScp;
import org.dxaflow.dicom.testing.WorklistItems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our Modality Worklist SCU against DCMTK wlmscpfs serving files made with dump2dcm. */
class WorklistScuDcmtkTest {
    @TempDir
    static Path tmp;
    private static DcmtkWorklistScp wlm;

    private final WorklistScu scu = new WorklistScu(RequestorConfig.defaults("SCANNER")
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)));

    @BeforeAll
    static void startWlmscpfs() throws Exception {
        wlm = DcmtkWorklistScp.start(tmp, "WLMSCP")
                .add("ACC1001", 1001)
                .add("ACC2002", 2002)
                // one order with two requested procedures: same accession, two items
                .add("ACC3003", 3003).add("ACC3003", 3004);
    }

    @AfterAll
    static void stop() throws Exception {
        wlm.close();
    }

    @Test
    void findsTheItemForAnAccessionWithItsReturnKeys() throws Exception {
        List<Attributes> items = scu.find(wlm.remote(), WorklistQuery.byAccession("ACC1001"));
        assertEquals(1, items.size());
        Attributes item = items.get(0);
        // values as written in the dump that wlmscpfs serves
        assertEquals("ACC1001", item.getString(Tag.AccessionNumber));
        assertEquals(WorklistItems.STUDY_UID_PREFIX + "1001", item.getString(Tag.StudyInstanceUID));
        assertEquals(WorklistItems.PATIENT_NAME, item.getString(Tag.PatientName));
        assertEquals("PID1001", item.getString(Tag.PatientID));
        assertEquals(WorklistItems.BIRTH_DATE, item.getString(Tag.PatientBirthDate));
        assertEquals("RP1001", item.getString(Tag.RequestedProcedureID));
        Attributes sps = item.getItem(Tag.ScheduledProcedureStepSequence, 0);
        assertEquals("BMD", sps.getString(Tag.Modality));
        assertEquals("SPS1001", sps.getString(Tag.ScheduledProcedureStepID));
        assertEquals(WorklistItems.STEP_DESCRIPTION, sps.getString(Tag.ScheduledProcedureStepDescription));
        assertEquals(WorklistItems.PROTOCOL_MEANING,
                sps.getItem(Tag.ScheduledProtocolCodeSequence, 0).getString(Tag.CodeMeaning));
    }

    @Test
    void unknownAccessionGivesNoItems() throws Exception {
        assertEquals(List.of(), scu.find(wlm.remote(), WorklistQuery.byAccession("NOSUCH")));
    }

    @Test
    void accessionWithTwoProceduresGivesBothOrIsTruncatedAtTheLimit() throws Exception {
        List<Attributes> all = scu.find(wlm.remote(), WorklistQuery.byAccession("ACC3003"));
        assertEquals(List.of("RP3003", "RP3004"), all.stream().map(a -> a.getString(Tag.RequestedProcedureID))
                .sorted().toList());

        WorklistScu.Matches one = scu.find(wlm.remote(), WorklistQuery.byAccession("ACC3003"), 1);
        assertEquals(1, one.items().size());
        assertTrue(one.truncated(), "a second match exists");

        WorklistScu.Matches exact = scu.find(wlm.remote(), WorklistQuery.byAccession("ACC1001"), 1);
        assertFalse(exact.truncated());
    }

    @Test
    void implicitVrOnlyScpIsQueriedInImplicitVr() throws Exception {
        // the identifier and the matches are then encoded without VRs: our encoder and reader must
        // agree with DCMTK on the dictionary VRs of every key
        try (DcmtkWorklistScp implicitOnly = DcmtkWorklistScp.start(tmp.resolve("implicit"), "WLMIMPL", "+xi")
                .add("ACC1001", 1001)) {
            List<Attributes> items = scu.find(implicitOnly.remote(), WorklistQuery.byAccession("ACC1001"));
            assertEquals(1, items.size());
            assertEquals(WorklistItems.PATIENT_NAME, items.get(0).getString(Tag.PatientName));
            assertEquals(WorklistItems.BIRTH_DATE, items.get(0).getString(Tag.PatientBirthDate));
            assertEquals("SPS1001", items.get(0).getItem(Tag.ScheduledProcedureStepSequence, 0)
                    .getString(Tag.ScheduledProcedureStepID));
        }
    }

    @Test
    void wrongCalledAeTitleIsRejectedByWlmscpfs() {
        // wlmscpfs rejects AE titles it has no worklist directory for
        RemoteAe wrong = new RemoteAe("127.0.0.1", wlm.port(), "NOTHERE");
        assertThrows(AssociationRejectedException.class, () -> scu.find(wrong, WorklistQuery.byAccession("ACC1001")));
    }
}
