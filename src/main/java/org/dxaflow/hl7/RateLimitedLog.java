package org.dxaflow.hl7;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * At most {@code perWindow} WARN lines per window for one kind of event; the rest are counted and
 * reported in one summary line when the next event arrives after the window. Garbage on the MLLP
 * port (fuzzing, a port scanner, a sender speaking the wrong protocol) then costs a few lines a
 * minute instead of one per frame.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final String what;
    private final int perWindow;
    private final long windowMillis;
    private final LongSupplier millis;

    private long windowStart = Long.MIN_VALUE;
    private int logged;
    private long suppressed;

    /**
     * @param what the events in plural, for the summary ("frames with no readable MSH")
     */
    public RateLimitedLog(Logger log, String what, int perWindow, long windowMillis, LongSupplier millis) {
        this.log = log;
        this.what = what;
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
        this.millis = millis;
    }

    /** Logs the line at WARN unless this window's quota is used up. */
    public synchronized void warn(String format, Object... args) {
        long now = millis.getAsLong();
        if (windowStart == Long.MIN_VALUE || now - windowStart >= windowMillis) {
            if (suppressed > 0) {
                log.warn("... {} more {} suppressed (at most {} logged per {} s)", suppressed, what, perWindow,
                        windowMillis / 1000);
            }
            windowStart = now;
            logged = 0;
            suppressed = 0;
        }
        if (logged < perWindow) {
            logged++;
            log.warn(format, args);
        } else {
            suppressed++;
        }
    }
}
