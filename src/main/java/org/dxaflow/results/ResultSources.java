package org.dxaflow.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.hl7.Hl7FormatException;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.results.mapping.MappingOutcome;
import org.dxaflow.results.mapping.ResultMappings;
import org.dxaflow.dicom.sr.SrTree;
import org.dxaflow.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ways a result enters the pipeline, each read through the vendor mappings into one
 * {@link IncomingResult}: a DICOM SR the Storage SCP spooled and recorded, and an ORU^R01 the HL7
 * intake recorded. Both read what is already durably kept (spool file, inbound message row), so
 * the pipeline can be re-run on redelivery with the same outcome.
 */
public final class ResultSources {

    private static final Logger LOG = LoggerFactory.getLogger(ResultSources.class);

    /** The mappings in use; read once per result, so a reload never changes them mid-result. */
    private final Supplier<ResultMappings> mappings;
    private final Jdbc jdbc;

    public ResultSources(ResultMappings mappings, Jdbc jdbc) {
        this(() -> mappings, jdbc);
    }

    /** @param mappings the current mappings (they may be reloaded while the engine runs) */
    public ResultSources(Supplier<ResultMappings> mappings, Jdbc jdbc) {
        this.mappings = mappings;
        this.jdbc = jdbc;
    }

    /** SR objects carry results; images and PDFs are kept by the Storage SCP but not mapped. */
    public boolean isStructuredReport(StoredObjectEvent event) {
        return SrTree.isStructuredReport(event.sopClassUid());
    }

    public IncomingResult fromStoredObject(StoredObjectEvent event) {
        Long storedId = jdbc.queryOne("SELECT id FROM stored_object WHERE sop_instance_uid = ?", rs -> rs.getLong(1),
                event.sopInstanceUid()).orElse(null);
        ResultIdentifiers known = new ResultIdentifiers(event.studyInstanceUid(), event.accessionNumber(),
                event.patientId(), null);
        MappingOutcome outcome;
        try {
            Attributes dataSet = DicomFile.read(Path.of(event.filePath())).dataSet();
            outcome = mappings.get().readSr(dataSet);
        } catch (IOException e) {
            outcome = new MappingOutcome(null, null, known, "the spooled object could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // A content tree nobody foresaw must become a visible UNMAPPABLE result, not a message
            // that fails until it lands in the dead letter queue.
            LOG.warn("Result {} could not be read through the mappings ({})", event.sopInstanceUid(),
                    e.getClass().getSimpleName());
            outcome = new MappingOutcome(null, null, known, "the object could not be read: " + e);
        }
        return new IncomingResult(SourceType.DICOM_SR, event.sopInstanceUid(), storedId, null,
                event.receivedAt() == null ? Instant.now() : event.receivedAt(), outcome);
    }

    /** The source of a stored result is gone (spool file removed): it cannot be read again. */
    public static final class SourceUnavailable extends RuntimeException {
        SourceUnavailable(String message) {
            super(message);
        }
    }

    /**
     * A stored result's source read again through the mappings as they are now (after a mapping
     * fix), with the time it was first received: that is when the exposure became known.
     *
     * @throws SourceUnavailable the spooled object or the recorded message is not there any more
     */
    public IncomingResult reread(StoredResult r) {
        IncomingResult again;
        if (r.sourceType() == SourceType.HL7_ORU) {
            if (jdbc.queryOne("SELECT 1 FROM inbound_message WHERE intake_id = ?", rs -> true, r.sourceRef()).isEmpty()) {
                throw new SourceUnavailable("the message of result " + r.id() + " is not recorded any more");
            }
            again = fromHl7(r.sourceRef());
        } else {
            StoredObjectEvent event = jdbc.queryOne("SELECT * FROM stored_object WHERE sop_instance_uid = ?",
                    rs -> new StoredObjectEvent(rs.getString("sop_instance_uid"), rs.getString("sop_class_uid"),
                            rs.getString("study_instance_uid"), rs.getString("series_instance_uid"),
                            rs.getString("accession_number"), rs.getString("patient_id"),
                            rs.getString("calling_ae_title"), rs.getString("file_path"),
                            Jdbc.instant(rs, "received_at")), r.sourceRef())
                    .orElseThrow(() -> new SourceUnavailable("the object of result " + r.id() + " is not recorded"));
            if (!Files.isReadable(Path.of(event.filePath()))) {
                throw new SourceUnavailable("the object of result " + r.id() + " is no longer in the spool ("
                        + event.filePath() + ")");
            }
            again = fromStoredObject(event);
        }
        return new IncomingResult(again.sourceType(), again.sourceRef(), again.storedObjectId(),
                again.inboundMessageId(), r.receivedAt(), again.outcome());
    }

    /** @param intakeId the id the HL7 intake gave the message (header dxaflowIntakeId) */
    public IncomingResult fromHl7(String intakeId) {
        record Inbound(long id, String raw, Instant receivedAt) {
        }
        Optional<Inbound> m = jdbc.queryOne("SELECT id, raw, received_at FROM inbound_message WHERE intake_id = ?",
                rs -> new Inbound(rs.getLong("id"), rs.getString("raw"), Jdbc.instant(rs, "received_at")), intakeId);
        if (m.isEmpty()) {
            // The processor records the message before handing it on, in its own transaction.
            throw new IllegalStateException("HL7 message " + intakeId + " is not recorded");
        }
        MappingOutcome outcome;
        try {
            outcome = mappings.get().readOru(Er7Message.parse(m.get().raw()));
        } catch (Hl7FormatException e) {
            outcome = new MappingOutcome(null, null, ResultIdentifiers.NONE, "message not readable: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Result message {} could not be read through the mappings ({})", intakeId,
                    e.getClass().getSimpleName());
            outcome = new MappingOutcome(null, null, ResultIdentifiers.NONE, "the message could not be read: " + e);
        }
        return new IncomingResult(SourceType.HL7_ORU, intakeId, null, m.get().id(), m.get().receivedAt(), outcome);
    }
}
