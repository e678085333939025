package org.dxaflow.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {

    @Test
    void atMostNLinesPerWindowThenOneSummaryOfTheRest() {
        Logger logger = (Logger) LoggerFactory.getLogger("test.rate-limited");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        AtomicLong now = new AtomicLong(1_000_000);
        RateLimitedLog log = new RateLimitedLog(logger, "frames with no readable MSH", 10, 60_000, now::get);

        for (int i = 0; i < 500; i++) {
            log.warn("Intake {}: no readable MSH", i);
            now.addAndGet(10); // 500 frames in 5 s
        }
        assertEquals(10, captured.list.size());
        assertEquals("Intake 9: no readable MSH", captured.list.get(9).getFormattedMessage());

        now.addAndGet(60_000);
        log.warn("Intake {}: no readable MSH", 500);
        assertEquals(12, captured.list.size());
        assertEquals("... 490 more frames with no readable MSH suppressed (at most 10 logged per 60 s)",
                captured.list.get(10).getFormattedMessage());
        assertEquals("Intake 500: no readable MSH", captured.list.get(11).getFormattedMessage());

        now.addAndGet(60_000);
        log.warn("Intake {}: no readable MSH", 501);
        assertEquals(13, captured.list.size(), "nothing was suppressed in the last window: no summary");
        captured.list.forEach(e -> assertEquals("WARN", e.getLevel().toString()));
    }
}
