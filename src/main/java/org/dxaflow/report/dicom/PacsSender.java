package org.dxaflow.report.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.storage.StoreFailure;
import org.dxaflow.dicom.dimse.storage.StoreOutcome;
import org.dxaflow.dicom.dimse.storage.StoreResult;
import org.dxaflow.dicom.dimse.storage.StoreScu;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.report.DeliveryFailure;

/**
 * Sends a report version's DICOM objects (SR, PDF) to the PACS over one association with the
 * existing Storage SCU. A warning status (0xB000...) counts as stored: the PACS kept the object,
 * perhaps with coercions. Anything else is a {@link DeliveryFailure} for the delivery record.
 */
public final class PacsSender {

    private final StoreScu scu;
    private final StoreScu.Destination destination;

    /**
     * @param timeout each of: TCP connect, association negotiation (ARTIM) and waiting for a C-STORE response
     */
    public PacsSender(String pacsHost, int pacsPort, String pacsAet, String callingAet, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        this.scu = new StoreScu(RequestorConfig.defaults(callingAet).withTimeouts(timeout, timeout, timeout));
        this.destination = new StoreScu.Destination(pacsHost, pacsPort, pacsAet);
    }

    /**
     * C-STOREs every object over one association, in order.
     *
     * @throws DeliveryFailure the first object the PACS did not store: its status in hex with the
     *     PACS's Error Comment, or the network error; permanent for a 0xA9xx/0xC0xx refusal
     */
    public void send(List<Attributes> objects) {
        if (objects.isEmpty()) {
            return;
        }
        // StoreScu sends Part 10 files as stored (it never re-encodes), so the objects are written
        // to a private temporary directory first and removed after, whatever happened.
        Path dir;
        try {
            dir = Files.createTempDirectory("dxaflow-pacs-");
        } catch (IOException e) {
            throw new DeliveryFailure("cannot stage objects for the PACS: " + e, false, e);
        }
        try {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                Path file = dir.resolve(i + ".dcm");
                DicomFile.of(objects.get(i), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(file);
                files.add(file);
            }
            check(scu.store(destination, files), objects);
        } catch (IOException e) {
            throw new DeliveryFailure("cannot stage objects for the PACS: " + e, false, e);
        } finally {
            delete(dir);
        }
    }

    private void check(StoreResult result, List<Attributes> objects) {
        for (int i = 0; i < result.outcomes().size(); i++) {
            StoreOutcome o = result.outcomes().get(i);
            if (o.succeeded()) {
                continue;
            }
            StoreFailure f = o.failure();
            // Object named by position and SOP class: UIDs are not patient data, but the class says
            // which kind the PACS refused, which is what an engineer needs first.
            String what = "object " + (i + 1) + " of " + objects.size() + " ("
                    + objects.get(i).getString(Tag.SOPClassUID, "?") + ")";
            if (f.kind() == StoreFailure.Kind.STATUS_FAILURE) {
                throw new DeliveryFailure("PACS " + destination.calledAeTitle() + " refused " + what + ": status "
                        + Status.hex(f.status()) + (f.message() == null ? "" : " " + f.message()),
                        isPermanent(f.status()));
            }
            throw new DeliveryFailure("PACS " + destination.calledAeTitle() + " at " + destination.host() + ":"
                    + destination.port() + " did not take " + what + ": " + f.kind() + " " + f.message(), false);
        }
    }

    /** 0xA9xx (data set does not match SOP class) and 0xC0xx (cannot understand): resending cannot fix. */
    static boolean isPermanent(int status) {
        int high = status & 0xFF00;
        return high == 0xA900 || high == 0xC000;
    }

    /**
     * Best effort: the outcome of the send is what the caller must hear, so a file that will not go
     * now (the objects hold patient data) is left for removal when the JVM exits.
     */
    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!f.toFile().delete()) {
                    f.toFile().deleteOnExit();
                }
            }
        } catch (IOException e) {
            // listing failed: fall through to the directory, which is then left for exit too
        }
        if (!dir.toFile().delete()) {
            dir.toFile().deleteOnExit();
        }
    }
}
