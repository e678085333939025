package org.dxaflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BinaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards every audit event to a syslog server (an IHE ATNA audit record repository, a SIEM) as
 * an RFC 5424 message carrying a DICOM Audit Message (PS3.15 Annex A.5; {@link DicomAuditMessage},
 * {@link SyslogFrame}), over UDP (RFC 5426) or TCP with octet-counting framing (RFC 6587). TLS
 * (RFC 5425) is not implemented yet.
 *
 * <p>The {@code audit_event} table is the record; what goes to syslog is a copy, sent at best
 * effort. Forwarding never blocks or fails the request being audited: {@link #forward} only puts
 * the event on a bounded in-memory queue, and one background thread formats and sends. When the
 * queue is full (the server is slow, or TCP cannot connect) the oldest queued event is dropped
 * for the newest; a down or unreachable server just loses the forwarded copies. Drops and send
 * failures are counted and logged at most once a minute (counts only, never the events). Copies
 * still queued when the engine stops are sent for up to {@link #CLOSE_WAIT}, then abandoned.
 *
 * <p>With no host configured the forwarder is off: it holds no thread and forwards nothing.
 */
public final class SyslogForwarder implements AuditLog.Forwarder, AutoCloseable {

    public static final String HOST = "dxaflow.audit.syslog.host";
    public static final String PORT = "dxaflow.audit.syslog.port";
    public static final String PROTOCOL = "dxaflow.audit.syslog.protocol";
    public static final String SOURCE_ID = "dxaflow.audit.source-id";
    /** Room for a burst of several minutes at a busy site's rate while a TCP server reconnects; a few MB at most. */
    public static final int DEFAULT_CAPACITY = 10_000;
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(SyslogForwarder.class);

    /**
     * Where to send. An empty host means off.
     *
     * @param sourceId AuditSourceID: how the record repository names this engine
     * @param capacity most events waiting to be sent
     */
    public record Settings(String host, int port, String protocol, String sourceId, int capacity) {

        public Settings {
            host = host == null ? "" : host.trim();
            if (!protocol.equals("udp") && !protocol.equals("tcp")) {
                throw new IllegalStateException(PROTOCOL + " must be udp or tcp, got '" + protocol + "'");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalStateException(PORT + " must be a port number (1-65535), got " + port);
            }
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
            }
        }

        public boolean enabled() {
            return !host.isEmpty();
        }

        /**
         * From the configuration, given as (key, fallback) → value: the source id falls back to the
         * engine's DICOM AE title, the name the hospital's other systems already know it by.
         */
        public static Settings from(BinaryOperator<String> setting) {
            String port = setting.apply(PORT, "514").trim();
            int number;
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(PORT + " must be a port number (1-65535), got '" + port + "'");
            }
            return new Settings(setting.apply(HOST, ""), number,
                    setting.apply(PROTOCOL, "udp").trim().toLowerCase(Locale.ROOT),
                    setting.apply(SOURCE_ID, setting.apply("dxaflow.dicom.aet", "DXAFLOW")).trim(), DEFAULT_CAPACITY);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final SyslogTransport transport;
    private final Thread sender;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final Deque<AuditEvent> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private long dropped;
    /** Guarded by {@link #lock}. */
    private boolean closing;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile String lastError = "";

    // only the sender thread touches these
    private Instant nextReport = Instant.MIN;
    private long reportedDropped;
    private long reportedLost;

    /** Starts forwarding as configured, or returns an idle forwarder (no thread) when no host is set. */
    public static SyslogForwarder start(Settings settings, Clock clock) {
        if (!settings.enabled()) {
            return new SyslogForwarder(settings, clock, null);
        }
        SyslogTransport transport;
        try {
            transport = settings.protocol().equals("tcp")
                    ? SyslogTransport.tcp(settings.host(), settings.port(), CONNECT_TIMEOUT_MS)
                    : SyslogTransport.udp(settings.host(), settings.port());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a socket for audit forwarding: " + e.getMessage(), e);
        }
        SyslogForwarder forwarder = new SyslogForwarder(settings, clock, transport);
        LOG.info("Audit trail forwarded to syslog {}://{}:{} as DICOM audit messages (source id {})",
                settings.protocol(), settings.host(), settings.port(), settings.sourceId());
        return forwarder;
    }

    /** @param transport null: off */
    SyslogForwarder(Settings settings, Clock clock, SyslogTransport transport) {
        this.settings = settings;
        this.clock = clock;
        this.transport = transport;
        if (transport == null) {
            this.sender = null;
        } else {
            this.sender = new Thread(this::run, "dxaflow-audit-syslog");
            // a daemon: an engine that is never closed (a crash, a test) must still be able to exit
            sender.setDaemon(true);
            sender.start();
        }
    }

    /** Queues the event and returns at once; drops the oldest queued event when the queue is full. */
    @Override
    public void forward(AuditEvent event) {
        if (sender == null) {
            return;
        }
        lock.lock();
        try {
            if (closing) {
                return;
            }
            if (queue.size() >= settings.capacity()) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(event);
            queued.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Events dropped from a full queue since the start. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Events handed to the transport without an error (UDP cannot tell whether they arrived). */
    public long sent() {
        return sent.get();
    }

    /** Events whose sending failed (server down, name not resolving). */
    public long lost() {
        return lost.get();
    }

    public boolean enabled() {
        return sender != null;
    }

    private void run() {
        // resolved here, not in the engine's start: a slow reverse DNS lookup delays only the first copy
        String hostName = localHostName();
        String processId = Long.toString(ProcessHandle.current().pid());
        SyslogFrame frame = new SyslogFrame(hostName, processId);
        DicomAuditMessage messages = new DicomAuditMessage(settings.sourceId(), hostName, processId);
        try {
            while (true) {
                AuditEvent event = next();
                if (event == null) {
                    break;
                }
                try {
                    String xml = messages.xml(event);
                    transport.send(frame.frame(event.at(), DicomAuditMessage.outcome(event), xml));
                    sent.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    // the copy is lost; the audit table still has the event
                    lost.incrementAndGet();
                    lastError = e.toString();
                }
                report();
            }
        } finally {
            report();
            transport.close();
        }
    }

    /** The next event to send, waiting for one; null once closing and nothing is left. */
    private AuditEvent next() {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closing) {
                    return null;
                }
                try {
                    // wakes up now and then so drops and failures are reported even when the queue is quiet
                    if (!queued.await(5, TimeUnit.SECONDS)) {
                        lock.unlock();
                        try {
                            report();
                        } finally {
                            lock.lock();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return queue.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Logs drops and failures since the last report, at most once per {@link #REPORT_EVERY}. */
    private void report() {
        Instant now = clock.instant();
        if (now.isBefore(nextReport)) {
            return;
        }
        long droppedNow = dropped();
        long lostNow = lost.get();
        boolean reported = false;
        if (droppedNow > reportedDropped) {
            LOG.warn("Audit forwarding: {} event(s) dropped, the queue of {} was full (syslog {}:{} slow or down);"
                            + " the audit table keeps them", droppedNow - reportedDropped, settings.capacity(),
                    settings.host(), settings.port());
            reportedDropped = droppedNow;
            reported = true;
        }
        if (lostNow > reportedLost) {
            LOG.warn("Audit forwarding: {} event(s) not sent to syslog {}://{}:{} ({}); the audit table keeps them",
                    lostNow - reportedLost, settings.protocol(), settings.host(), settings.port(), lastError);
            reportedLost = lostNow;
            reported = true;
        }
        if (reported) {
            nextReport = now.plus(REPORT_EVERY);
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "-";
        }
    }

    /**
     * Sends what is still queued for up to {@link #CLOSE_WAIT}, then stops the thread. Idle
     * forwarders have nothing to do.
     */
    @Override
    public void close() {
        if (sender == null) {
            return;
        }
        lock.lock();
        try {
            closing = true;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            sender.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            // stuck connecting or writing to a server that does not read: closing the socket unblocks it
            sender.interrupt();
            transport.close();
        }
    }
}
