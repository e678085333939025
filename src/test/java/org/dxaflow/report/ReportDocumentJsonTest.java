package org.dxaflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dxaflow.densitometry.api.DensitometryJson;
import org.junit.jupiter.api.Test;

/**
 * A report version is stored as JSON and read back to be sent again (a retry, a resend): what is
 * read must be the document that was written, every value and every digit of it.
 */
class ReportDocumentJsonTest {

    private final ReportStore store = new ReportStore(null, DensitometryJson.mapper());

    @Test
    void everyVersionReadsBackAsTheDocumentWritten() {
        for (ReportDocument doc : List.of(ReportExamples.postmenopausalWithPrior(), ReportExamples.underFifty(),
                ReportExamples.verified(ReportExamples.postmenopausalWithPrior()))) {
            String text = store.write(doc);
            assertEquals(doc, store.read(text), text);
        }
    }

    @Test
    void helpersAreNotWrittenAsData() {
        String text = store.write(ReportExamples.postmenopausalWithPrior());
        // SentDate.isUnreadable() once went out as "unreadable": false and could not be read back
        assertTrue(text.contains("\"unreadable\":\"\""), text);
        assertTrue(!text.contains("\"identified\"") && !text.contains("\"empty\""), text);
    }
}
