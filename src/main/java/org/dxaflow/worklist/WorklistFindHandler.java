package org.dxaflow.worklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.FindHandler;
import org.dxaflow.dicom.query.KeyMatcher;
import org.dxaflow.dicom.query.ReturnKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modality Worklist Information Model – FIND SCP (PS3.4 K): decodes the query, matches each
 * candidate from the {@link WorklistQuery}, and streams one pending response per match with
 * exactly the requested keys, in the query's character set (UTF-8 when the query names none
 * and a value needs more than ASCII).
 */
public final class WorklistFindHandler implements FindHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WorklistFindHandler.class);

    private final WorklistQuery worklist;
    private final KeyMatcher matcher = new KeyMatcher();
    private final ReturnKeys returnKeys = new ReturnKeys(matcher);

    public WorklistFindHandler(WorklistQuery worklist) {
        this.worklist = worklist;
    }

    @Override
    public int find(FindRequest request, FindResponder responder) throws Exception {
        TransferSyntax ts = TransferSyntax.forUid(request.identifier().transferSyntaxUid());
        Attributes keys;
        try {
            keys = DataSetReader.read(request.identifier().bytes(), ts);
        } catch (IOException e) {
            LOG.warn("Worklist query from {} could not be decoded: {}", request.association().callingAeTitle(),
                    e.getMessage());
            return Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS;
        }
        String[] charset = keys.getStrings(Tag.SpecificCharacterSet);
        AtomicInteger matches = new AtomicInteger();
        try {
            worklist.candidates(keys, candidate -> {
                if (responder.isCancelled() || !matcher.matches(keys, candidate)) {
                    return;
                }
                Attributes response = returnKeys.build(keys, candidate);
                try {
                    responder.match(responder.dataSet(encode(response, charset, ts)));
                    matches.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        LOG.info("Worklist query from {}: {} match(es){}", request.association().callingAeTitle(), matches.get(),
                responder.isCancelled() ? " (cancelled)" : "");
        return Status.SUCCESS;
    }

    /**
     * Encodes in the query's character set when it can hold the values, else in UTF-8 (ISO_IR 192),
     * naming the set used so the scanner decodes names correctly.
     */
    private static byte[] encode(Attributes response, String[] queryCharset, TransferSyntax ts) {
        if (queryCharset.length > 0 && !String.join("", queryCharset).isBlank()) {
            response.setString(Tag.SpecificCharacterSet, queryCharset);
            try {
                return DataSetWriter.encode(response, ts);
            } catch (IllegalArgumentException notRepresentable) {
                // fall through to UTF-8
            }
        } else {
            try {
                response.remove(Tag.SpecificCharacterSet);
                return DataSetWriter.encode(response, ts);
            } catch (IllegalArgumentException notAscii) {
                // fall through to UTF-8
            }
        }
        response.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        return DataSetWriter.encode(response, ts);
    }
}
