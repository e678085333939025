package org.dxaflow.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Intake comes first: while objects keep arriving the announcer holds back (up to a bounded
 * delay), so the results pipeline the announcement sets to work does not take the cores a
 * scanner's burst needs.
 *
 * <p>An object may therefore be announced twice (a crash after the broker took a batch and before the
 * ledger noted it); the recorder takes each SOP Instance UID once.
 */
public final class SpoolAnnouncer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolAnnouncer.class);

    /**
     * @param queueCapacity objects waiting in memory; past it they wait in the spool for a catch-up
     * @param maxBatch objects per durable transaction
     * @param quiet intake first: objects are announced once no C-STORE has completed for this long.
     *     Announcing sets the results pipeline to work (database writes, reading each SR back), and
     *     on a small machine that work takes the cores a scanner's burst needs; the spool already
     *     holds every object durably, so holding the announcement back costs nothing but latency
     * @param maxDelay the bound on that latency: an object waits at most this long for a quiet
     *     moment, so a scanner that never pauses still has its results read
     * @param retryDelay first wait after the broker refused a batch; doubles up to maxRetryDelay
     * @param drainTimeout on close, how long queued objects may still be announced
     */
    public record Settings(int queueCapacity, int maxBatch, Duration quiet, Duration maxDelay, Duration retryDelay,
                           Duration maxRetryDelay, Duration drainTimeout) {
        public static final Settings DEFAULTS = new Settings(10_000, 500, Duration.ofMillis(200),
                Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10));

        /** The same settings with the hold-back of {@code quiet} and {@code maxDelay}. */
        public Settings withHoldBack(Duration quiet, Duration maxDelay) {
            if (quiet.isNegative() || maxDelay.isNegative()) {
                throw new IllegalArgumentException("announcement quiet period and maximum delay must not be negative");
            }
            return new Settings(queueCapacity, maxBatch, quiet, maxDelay, retryDelay, maxRetryDelay, drainTimeout);
        }
    }

    /** An object waiting to be announced, with when it was handed over (System.nanoTime). */
    private record Pending(StoredObjectEvent event, long handedOverAt) {
    }

    private final StoredObjectEvents events;
    private final Settings settings;
    private final AnnouncementLedger ledger;
    private final UnannouncedObjects unannounced;
    private final BlockingQueue<Pending> queue;
    /** When the last object was handed over (System.nanoTime): the announcer holds back until it is quiet. */
    private volatile long lastHandover = System.nanoTime();
    /** Set at start and whenever an object could not be queued: the spool holds unannounced objects. */
    private final AtomicBoolean catchUpNeeded = new AtomicBoolean(true);
    /**
     * What a catch-up announced straight from the spool while the same objects also sat in the queue
     * (they arrived during the scan): skipped when they come out of it. Announcer thread only.
     */
    private final Set<String> announcedFromSpool = new HashSet<>();
    private final Thread thread;
    /** Only the announcer thread reads and sets it. */
    private boolean ledgerCompacted;
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
        long now = System.nanoTime();
        lastHandover = now;
        if (!queue.offer(new Pending(event, now)) && !catchUpNeeded.getAndSet(true)) {
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
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        holdBackWhileObjectsArrive(first);
        List<Pending> taken = new ArrayList<>(List.of(first));
        queue.drainTo(taken, settings.maxBatch() - 1);
        for (Pending p : taken) {
            if (!announcedFromSpool.remove(p.event().sopInstanceUid())) {
                batch.add(p.event());
            }
        }
        if (queue.isEmpty()) {
            announcedFromSpool.clear();
        }
        return batch;
    }

    /**
     * Waits until no object has been handed over for the quiet period, or the oldest waiting one has
     * waited the maximum delay, or the queue is half full (past full, objects would have to be read
     * back from the spool, which costs more than announcing them now), or the engine is stopping.
     */
    private void holdBackWhileObjectsArrive(Pending oldest) throws InterruptedException {
        long quiet = settings.quiet().toNanos();
        long latest = oldest.handedOverAt() + settings.maxDelay().toNanos();
        while (!closing && queue.size() < settings.queueCapacity() / 2) {
            long now = System.nanoTime();
            long untilQuiet = lastHandover + quiet - now;
            long untilLatest = latest - now;
            if (untilQuiet <= 0 || untilLatest <= 0) {
                return;
            }
            // Short naps: closing and a filling queue are noticed within 50 ms.
            TimeUnit.NANOSECONDS.sleep(Math.min(Math.min(untilQuiet, untilLatest), TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    /** Announces spool files the ledger does not name, in batches, straight from the spool. */
    private void catchUp() throws InterruptedException {
        List<Path> files;
        try {
            AnnouncementLedger.Contents ledgerContents = ledger.readAll();
            Set<String> announced = ledgerContents.uids();
            if (!ledgerCompacted) {
                compactLedger(ledgerContents);
            }
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
                batch.forEach(e -> announcedFromSpool.add(e.sopInstanceUid()));
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty() && publish(batch)) {
            batch.forEach(e -> announcedFromSpool.add(e.sopInstanceUid()));
        }
    }

    /**
     * Once a run, at its first catch-up: drops from the ledger what names no spool file any more,
     * duplicates and lines a crash cut short. Only when there is something to drop, so an ordinary
     * start costs no rewrite. Objects spooled meanwhile are not in the ledger yet, so they cannot be
     * dropped from it.
     */
    private void compactLedger(AnnouncementLedger.Contents contents) throws IOException {
        ledgerCompacted = true;
        Set<String> keep = new HashSet<>(contents.uids());
        keep.retainAll(unannounced.spooled());
        if (contents.lines() > keep.size()) {
            ledger.compact(keep);
            LOG.info("Spool ledger compacted: {} line(s) -> {}", contents.lines(), keep.size());
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
