package org.dxaflow.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces spooled objects on the durable queue, on one background thread, so that a C-STORE is
 * answered as soon as its file is synced and not after a journal sync as well. Objects waiting to
 * be announced are queued in memory, several announced per transaction; the spool, not this queue,
 * is the record:
 *
 * <ul>
 *   <li>each announced batch is noted in the spool's {@link AnnouncementLedger};</li>
 *   <li>at start, spool files the ledger does not name (the engine stopped between a file's sync
 *       and its announcement) are announced first;</li>
 *   <li>when the in-memory queue is full, or the broker refuses, nothing is lost: the object stays
 *       in the spool and a later catch-up pass finds it.</li>
 * </ul>
 *
 * An object may therefore be announced twice (a crash after the broker took a batch and before the
 * ledger noted it); the recorder takes each SOP Instance UID once.
 */
public final class SpoolAnnouncer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolAnnouncer.class);

    /**
     * @param queueCapacity objects waiting in memory; past it they wait in the spool for a catch-up
     * @param maxBatch objects per durable transaction
     * @param linger how long the first object of a batch waits for others: a scanner sends a study
     *     as a burst, and one journal sync for the burst leaves the disk to the spool's own syncs
     * @param retryDelay first wait after the broker refused a batch; doubles up to maxRetryDelay
     * @param drainTimeout on close, how long queued objects may still be announced
     */
    public record Settings(int queueCapacity, int maxBatch, Duration linger, Duration retryDelay,
                           Duration maxRetryDelay, Duration drainTimeout) {
        public static final Settings DEFAULTS = new Settings(10_000, 500, Duration.ofMillis(50),
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    private final StoredObjectEvents events;
    private final Settings settings;
    private final AnnouncementLedger ledger;
    private final UnannouncedObjects unannounced;
    private final BlockingQueue<StoredObjectEvent> queue;
    /** Set at start and whenever an object could not be queued: the spool holds unannounced objects. */
    private final AtomicBoolean catchUpNeeded = new AtomicBoolean(true);
    private final Thread thread;
    private volatile boolean closing;

    public SpoolAnnouncer(Path spoolDirectory, StoredObjectEvents events, Settings settings) {
        this.events = events;
        this.settings = settings;
        this.ledger = new AnnouncementLedger(spoolDirectory);
        this.unannounced = new UnannouncedObjects(spoolDirectory);
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "dicom-store-announcer");
        // The spool is the record: a thread killed with the JVM loses nothing the next start won't find.
        this.thread.setDaemon(true);
    }

    /** Starts the thread; its first task is announcing what an earlier run left unannounced. */
    public void start() {
        thread.start();
    }

    /** Hands over an object that is durably spooled; never blocks the C-STORE that spooled it. */
    public void announce(StoredObjectEvent event) {
        if (!queue.offer(event) && !catchUpNeeded.getAndSet(true)) {
            LOG.warn("Announcements are {} objects behind; further objects wait in the spool until they catch up",
                    settings.queueCapacity());
        }
    }

    private void run() {
        try {
            while (!closing || !queue.isEmpty()) {
                // Only with the queue empty: what it held is then in the ledger, so not announced twice.
                if (!closing && queue.isEmpty() && catchUpNeeded.getAndSet(false)) {
                    catchUp();
                    continue;
                }
                List<StoredObjectEvent> batch = nextBatch();
                if (!batch.isEmpty() && !publish(batch)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.info("{} spooled object(s) not announced before shutdown; they will be at the next start",
                    queue.size());
        }
    }

    private List<StoredObjectEvent> nextBatch() throws InterruptedException {
        List<StoredObjectEvent> batch = new ArrayList<>();
        StoredObjectEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + settings.linger().toNanos();
        while (batch.size() < settings.maxBatch()) {
            queue.drainTo(batch, settings.maxBatch() - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= settings.maxBatch() || wait <= 0 || closing) {
                break;
            }
            StoredObjectEvent next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    /** Announces spool files the ledger does not name, in batches, straight from the spool. */
    private void catchUp() throws InterruptedException {
        List<Path> files;
        try {
            Set<String> announced = ledger.read();
            files = unannounced.find(announced);
        } catch (IOException e) {
            LOG.error("Cannot read the spool to announce what is unannounced ({}); trying again later", e.toString());
            catchUpNeeded.set(true);
            return;
        }
        if (files.isEmpty()) {
            return;
        }
        LOG.info("Announcing {} spooled object(s) that were not announced", files.size());
        List<StoredObjectEvent> batch = new ArrayList<>();
        for (Path file : files) {
            try {
                batch.add(unannounced.read(file));
            } catch (IOException | RuntimeException e) {
                // The spool only holds objects that parsed when received; say which file, not what is in it.
                LOG.error("Spooled file {} cannot be read back ({}); it is not announced", file.getFileName(),
                        e.getClass().getSimpleName());
            }
            if (batch.size() == settings.maxBatch()) {
                if (!publish(batch)) {
                    return;
                }
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            publish(batch);
        }
    }

    /** Publishes a batch, retrying while the broker refuses; false when closing cut the retries short. */
    private boolean publish(List<StoredObjectEvent> batch) throws InterruptedException {
        long delay = settings.retryDelay().toMillis();
        while (true) {
            try {
                events.publish(batch);
                break;
            } catch (RuntimeException e) {
                if (closing) {
                    LOG.warn("{} spooled object(s) not announced before shutdown ({}); they will be at the next start",
                            batch.size(), e.toString());
                    return false;
                }
                LOG.warn("{} spooled object(s) could not be announced ({}); trying again in {} ms", batch.size(),
                        e.toString(), delay);
                Thread.sleep(delay);
                delay = Math.min(delay * 2, settings.maxRetryDelay().toMillis());
            }
        }
        try {
            ledger.append(batch.stream().map(StoredObjectEvent::sopInstanceUid).toList());
        } catch (IOException e) {
            LOG.warn("Announced objects not noted in the spool ledger ({}); they will be announced again at the"
                    + " next start", e.toString());
        }
        return true;
    }

    /** Announces what is queued (up to the drain timeout); anything left is announced at the next start. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(settings.drainTimeout().toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(settings.drainTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
