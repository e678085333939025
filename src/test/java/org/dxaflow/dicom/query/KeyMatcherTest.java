package org.dxaflow.dicom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.PersonName;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** PS3.4 C.2.2.2 matching, case by case; each expectation is read off the standard's text. */
class KeyMatcherTest {

    private final KeyMatcher matcher = new KeyMatcher();

    private static Attributes item() {
        Attributes ds = new Attributes();
        ds.setPersonName(Tag.PatientName, PersonName.of("HOLT", "MARGARET"));
        ds.setString(Tag.PatientID, "RX1000001");
        ds.setString(Tag.AccessionNumber, "ACC100001");
        ds.setString(Tag.StudyInstanceUID, "1.2.3.4");
        Attributes sps = ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setString(Tag.Modality, "BMD");
        sps.setString(Tag.ScheduledStationAETitle, "DXA1");
        sps.setString(Tag.ScheduledProcedureStepStartDate, "20261205");
        sps.setString(Tag.ScheduledProcedureStepStartTime, "093000");
        return ds;
    }

    private static Attributes spsQuery(Tag tag, String value) {
        Attributes q = new Attributes();
        q.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(tag, value);
        return q;
    }

    @Test
    void emptyKeysMatchUniversally() {
        Attributes q = new Attributes();
        q.setNull(Tag.PatientName);
        q.setNull(Tag.AccessionNumber);
        q.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        assertTrue(matcher.matches(q, item()));
    }

    @Test
    void singleValueMatchingIsExactForIdentifiers() {
        Attributes q = new Attributes().setString(Tag.AccessionNumber, "ACC100001");
        assertTrue(matcher.matches(q, item()));
        assertFalse(matcher.matches(new Attributes().setString(Tag.AccessionNumber, "ACC10000"), item()));
        assertFalse(matcher.matches(new Attributes().setString(Tag.AccessionNumber, "acc100001"), item()));
    }

    @Test
    void wildcardsOnPersonNamesIgnoreCase() {
        assertTrue(matcher.matches(new Attributes().setString(Tag.PatientName, "HOL*"), item()));
        assertTrue(matcher.matches(new Attributes().setString(Tag.PatientName, "hol*"), item()));
        assertTrue(matcher.matches(new Attributes().setString(Tag.PatientName, "H?LT^*"), item()));
        assertFalse(matcher.matches(new Attributes().setString(Tag.PatientName, "HOLD*"), item()));
        assertTrue(matcher.matches(new Attributes().setString(Tag.PatientName, "*"), item()));
    }

    @Test
    void dateRangesIncludeTheirEndsAndMayBeOpen() {
        assertTrue(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartDate, "20261205"), item()));
        assertTrue(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartDate, "20261201-20261205"), item()));
        assertTrue(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartDate, "20261205-"), item()));
        assertTrue(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartDate, "-20261205"), item()));
        assertFalse(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartDate, "20261206-"), item()));
        assertFalse(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartDate, "20261128"), item()));
    }

    @Test
    void timeRangesCoverTheWholeOfAnUpperBoundGivenToTheMinute() {
        assertTrue(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartTime, "0900-0930"), item()));
        assertTrue(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartTime, "093000-"), item()));
        assertFalse(matcher.matches(spsQuery(Tag.ScheduledProcedureStepStartTime, "0931-"), item()));
    }

    @Test
    void uidListsMatchAnyOfTheirValues() {
        Attributes q = new Attributes().setString(Tag.StudyInstanceUID, "9.9.9", "1.2.3.4");
        assertTrue(matcher.matches(q, item()));
        assertFalse(matcher.matches(new Attributes().setString(Tag.StudyInstanceUID, "9.9.9", "1.2.3"), item()));
    }

    @Test
    void sequenceMatchingLooksInsideTheItems() {
        assertTrue(matcher.matches(spsQuery(Tag.Modality, "BMD"), item()));
        assertFalse(matcher.matches(spsQuery(Tag.Modality, "CT"), item()));
        assertTrue(matcher.matches(spsQuery(Tag.ScheduledStationAETitle, "DXA1"), item()));
        assertFalse(matcher.matches(spsQuery(Tag.ScheduledStationAETitle, "DXA2"), item()));
    }

    @Test
    void aKeyTheCandidateLacksMatchesOnlyUniversally() {
        assertFalse(matcher.matches(new Attributes().setString(Tag.PatientSex, "F"), item()));
        assertTrue(matcher.matches(new Attributes().setNull(Tag.PatientSex), item()));
    }

    @Test
    void responsesCarryExactlyTheRequestedKeys() {
        Attributes q = new Attributes();
        q.setString(Tag.PatientName, "HOL*");
        q.setNull(Tag.PatientSex);
        q.setNull(Tag.StudyInstanceUID);
        Attributes sps = q.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setString(Tag.Modality, "BMD");
        sps.setNull(Tag.ScheduledProcedureStepStartDate);
        Attributes r = new ReturnKeys(matcher).build(q, item());
        assertEquals("HOLT^MARGARET", r.getString(Tag.PatientName));
        assertTrue(r.contains(Tag.PatientSex), "requested key absent from the candidate is returned empty");
        assertNull(r.getString(Tag.PatientSex));
        assertEquals(VR.CS, r.vrOf(Tag.PatientSex.value()));
        assertEquals("1.2.3.4", r.getString(Tag.StudyInstanceUID));
        assertFalse(r.contains(Tag.AccessionNumber), "keys not asked for are not returned");
        Attributes rsps = r.getItem(Tag.ScheduledProcedureStepSequence, 0);
        assertEquals("BMD", rsps.getString(Tag.Modality));
        assertEquals("20261205", rsps.getString(Tag.ScheduledProcedureStepStartDate));
        assertFalse(rsps.contains(Tag.ScheduledStationAETitle));
    }
}
