package org.dxaflow.dicom.dimse.storage;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.DicomParseException;
import org.dxaflow.dicom.dimse.CStoreRq;
import org.dxaflow.dicom.dimse.CStoreRsp;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.DimseClient;
import org.dxaflow.dicom.net.AssociationAbortedException;
import org.dxaflow.dicom.net.AssociationRejectedException;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage SCU: sends Part 10 files, one association per batch. Each data set is sent byte-for-byte
 * in the transfer syntax it is stored in, never decoded (so a transfer syntax the codec cannot
 * decode still goes), hence we propose exactly that transfer syntax for each SOP class.
 */
public final class StoreScu {
    private static final Logger log = LoggerFactory.getLogger(StoreScu.class);
    /** Presentation context ids are odd numbers 1..255 (PS3.8 9.3.2.2): at most 128 per association. */
    static final int MAX_CONTEXTS = 128;

    public record Destination(String host, int port, String calledAeTitle) {
    }

    private record Item(int index, Path file, DicomFile.Header header) {
        String sopClass() {
            return header.sopClassUid();
        }

        String transferSyntax() {
            return header.transferSyntaxUid();
        }

        List<String> contextKey() {
            return List.of(sopClass(), transferSyntax());
        }
    }

    private final AssociationRequestor requestor;

    public StoreScu(RequestorConfig config) {
        this.requestor = new AssociationRequestor(config);
    }

    /** Sends one file; any failure is thrown with its typed {@link StoreFailure}. */
    public StoreOutcome storeOne(Destination destination, Path file) throws StoreFailureException {
        StoreOutcome o = store(destination, List.of(file)).outcomes().get(0);
        if (!o.succeeded()) {
            throw new StoreFailureException(o.failure(), null);
        }
        return o;
    }

    /** Sends a batch; never throws for delivery problems, every file gets an outcome. */
    public StoreResult store(Destination destination, List<Path> files) {
        StoreOutcome[] outcomes = new StoreOutcome[files.size()];
        List<Item> batch = new ArrayList<>();
        Set<List<String>> batchContexts = new LinkedHashSet<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            DicomFile.Header header;
            try {
                header = DicomFile.readHeader(file);
            } catch (DicomParseException e) {
                outcomes[i] = new StoreOutcome(file, null, -1, new StoreFailure(StoreFailure.Kind.INVALID_FILE, -1,
                        e.getMessage()));
                continue;
            } catch (IOException e) {
                outcomes[i] = new StoreOutcome(file, null, -1, new StoreFailure(StoreFailure.Kind.IO_ERROR, -1,
                        e.toString()));
                continue;
            }
            Item item = new Item(i, file, header);
            if (!batchContexts.contains(item.contextKey()) && batchContexts.size() == MAX_CONTEXTS) {
                sendBatch(destination, batch, outcomes);
                batch.clear();
                batchContexts.clear();
            }
            batchContexts.add(item.contextKey());
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            sendBatch(destination, batch, outcomes);
        }
        return new StoreResult(Arrays.asList(outcomes));
    }

    private void sendBatch(Destination destination, List<Item> items, StoreOutcome[] outcomes) {
        Map<List<String>, Integer> ids = new LinkedHashMap<>();
        List<PresentationContextRq> contexts = new ArrayList<>();
        for (Item item : items) {
            ids.computeIfAbsent(item.contextKey(), k -> {
                int id = 2 * contexts.size() + 1;
                contexts.add(new PresentationContextRq(id, k.get(0), List.of(k.get(1))));
                return id;
            });
        }
        DimseClient client;
        try {
            client = DimseClient.open(requestor, destination.host(), destination.port(),
                    destination.calledAeTitle(), contexts);
        } catch (IOException e) {
            StoreFailure f = classify(e);
            log.warn("cannot associate with {}: {}", destination, f);
            items.forEach(it -> outcomes[it.index()] = failed(it, f));
            return;
        }
        StoreFailure associationFailure = null;
        for (Item item : items) {
            if (associationFailure != null) {
                outcomes[item.index()] = failed(item, associationFailure);
                continue;
            }
            Optional<PresentationContext> pc = client.info().findContext(item.sopClass(), item.transferSyntax());
            if (pc.isEmpty()) {
                outcomes[item.index()] = failed(item, new StoreFailure(StoreFailure.Kind.NO_PRESENTATION_CONTEXT, -1,
                        "peer accepted no context for " + item.sopClass() + " in " + item.transferSyntax()));
                continue;
            }
            byte[] dataSet;
            try {
                dataSet = DicomFile.readDataSetBytes(item.file(), item.header());
            } catch (IOException e) {
                outcomes[item.index()] = failed(item, new StoreFailure(StoreFailure.Kind.IO_ERROR, -1, e.toString()));
                continue;
            }
            try {
                outcomes[item.index()] = sendOne(client, pc.get(), item, dataSet);
            } catch (IOException e) {
                StoreFailure f = classify(e);
                outcomes[item.index()] = failed(item, f);
                associationFailure = new StoreFailure(StoreFailure.Kind.ABORTED, -1,
                        "not sent: association failed earlier (" + f.kind() + ")");
                client.abort();
            }
        }
        if (client.association().isOpen()) {
            try {
                client.release();
            } catch (IOException e) {
                // Objects already acknowledged stay acknowledged; a failed release changes nothing.
                log.warn("release from {} failed: {}", destination, e.toString());
            }
        }
    }

    private StoreOutcome sendOne(DimseClient client, PresentationContext pc, Item item, byte[] dataSet)
            throws IOException {
        String iuid = item.header().sopInstanceUid();
        CStoreRq rq = new CStoreRq(client.nextMessageId(), item.sopClass(), iuid);
        DimseMessage rsp = client.invoke(pc.id(), rq, new DataSet(dataSet, pc.transferSyntax()))
                .awaitFinal(client.dimseTimeout());
        if (!(rsp.command() instanceof CStoreRsp r)) {
            throw new AssociationAbortedException("answer to C-STORE-RQ is not a C-STORE-RSP: " + rsp.command());
        }
        if (Status.isSuccessOrWarning(r.status())) {
            return new StoreOutcome(item.file(), iuid, r.status(), null);
        }
        return new StoreOutcome(item.file(), iuid, r.status(), new StoreFailure(StoreFailure.Kind.STATUS_FAILURE,
                r.status(), r.errorComment() == null ? "C-STORE failed" : r.errorComment()));
    }

    private static StoreOutcome failed(Item item, StoreFailure f) {
        return new StoreOutcome(item.file(), item.header().sopInstanceUid(), -1, f);
    }

    static StoreFailure classify(IOException e) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException) {
            return new StoreFailure(StoreFailure.Kind.CONNECTION_REFUSED, -1, e.toString());
        }
        if (e instanceof AssociationRejectedException rj) {
            return new StoreFailure(StoreFailure.Kind.ASSOCIATION_REJECTED, -1, rj.getMessage());
        }
        if (e instanceof SocketTimeoutException) {
            return new StoreFailure(StoreFailure.Kind.TIMEOUT, -1, e.getMessage());
        }
        return new StoreFailure(StoreFailure.Kind.ABORTED, -1, e.toString());
    }
}
