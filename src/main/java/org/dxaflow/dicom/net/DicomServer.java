package org.dxaflow.dicom.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening DICOM application entity: accepts TCP connections and serves each on its own thread.
 *
 * <p>At most {@code maxAssociations} connections are served (negotiating ones included). Beyond
 * that, a small separate pool still reads the A-ASSOCIATE-RQ so it can answer A-ASSOCIATE-RJ
 * transient / local-limit-exceeded (PS3.8 table 9-21) instead of a bare reset; when even that pool
 * is saturated the socket is just closed, so a connection flood cannot create threads without bound.
 * One remote address holds at most {@code maxAssociationsPerAddress} of the slots: a host that opens
 * associations and sits on them is refused the same way, and the scanner still gets in.
 *
 * <pre>
 * DicomServer server = new DicomServer(AcceptorConfig.defaults("DXAFLOW"), registry.acceptorServices());
 * server.start(new InetSocketAddress(11112));
 * </pre>
 */
public final class DicomServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DicomServer.class);
    private static final int REJECTOR_THREADS = 2;
    private static final int REJECTOR_QUEUE = 16;

    private final AcceptorConfig config;
    private final AcceptorServices services;
    private final AssociationMonitor monitor;
    private final Semaphore permits;
    private final ThreadPoolExecutor associationPool;
    private final ThreadPoolExecutor rejectorPool;
    private final ScheduledExecutorService timer;
    private final AssociationRegistry registry = new AssociationRegistry();
    private final ConcurrentHashMap<InetAddress, Integer> slotsByAddress = new ConcurrentHashMap<>();
    private volatile ServerSocket serverSocket;
    private volatile boolean closed;

    public DicomServer(AcceptorConfig config, AcceptorServices services) {
        this(config, services, AssociationMonitor.NONE);
    }

    public DicomServer(AcceptorConfig config, AcceptorServices services, AssociationMonitor monitor) {
        this.config = config;
        this.services = services;
        this.monitor = monitor;
        this.permits = new Semaphore(config.maxAssociations());
        String prefix = "dicom-" + config.aeTitle().trim();
        // Capacity is enforced by the semaphore; the pool itself never queues.
        this.associationPool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new NamedThreadFactory(prefix + "-assoc"));
        this.rejectorPool = new ThreadPoolExecutor(REJECTOR_THREADS, REJECTOR_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(REJECTOR_QUEUE), new NamedThreadFactory(prefix + "-reject"));
        this.rejectorPool.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor artim = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory(prefix + "-artim"));
        // Most ARTIM timers are cancelled within milliseconds; drop them from the queue at once so a
        // connection flood does not pile up cancelled tasks for the full ARTIM period.
        artim.setRemoveOnCancelPolicy(true);
        this.timer = artim;
    }

    /** Binds (port 0 = ephemeral, see {@link #port()}) and starts accepting. */
    public DicomServer start(InetSocketAddress bindAddress) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(bindAddress, 128);
        this.serverSocket = ss;
        Thread acceptThread = new NamedThreadFactory("dicom-" + config.aeTitle().trim() + "-accept")
                .newThread(this::acceptLoop);
        acceptThread.start();
        log.info("DICOM server {} listening on {}", config.aeTitle(), ss.getLocalSocketAddress());
        return this;
    }

    /** Binds all interfaces on the given port (0 = ephemeral). */
    public DicomServer start(int port) throws IOException {
        return start(new InetSocketAddress(port));
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections currently holding an association slot (negotiating or established). */
    public int activeConnections() {
        return config.maxAssociations() - permits.availablePermits();
    }

    /** Pool threads currently serving a connection (idle pooled threads excluded). */
    public int busyThreads() {
        return associationPool.getActiveCount() + rejectorPool.getActiveCount();
    }

    public AssociationRegistry associations() {
        return registry;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException e) {
                if (!closed) {
                    log.error("accept failed", e);
                }
                return;
            } catch (IOException e) {
                log.warn("accept failed: {}", e.toString());
                continue;
            }
            dispatch(socket);
        }
    }

    private void dispatch(Socket socket) {
        InetAddress remote = socket.getInetAddress();
        if (claimAddressSlot(remote)) {
            if (permits.tryAcquire()) {
                try {
                    associationPool.execute(() -> {
                        try {
                            new AssociationAcceptor(socket, config, services, timer, false, registry, monitor).run();
                        } finally {
                            permits.release();
                            releaseAddressSlot(remote);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    permits.release();
                    releaseAddressSlot(remote);
                    closeQuietly(socket);
                }
                return;
            }
            releaseAddressSlot(remote);
        }
        try {
            rejectorPool.execute(new AssociationAcceptor(socket, config, services, timer, true, registry, monitor));
        } catch (RejectedExecutionException e) {
            log.warn("connection flood: dropping {} without A-ASSOCIATE-RJ", socket.getRemoteSocketAddress());
            closeQuietly(socket);
        }
    }

    /** Takes one of the remote address's slots, or answers false when it already holds its share. */
    private boolean claimAddressSlot(InetAddress remote) {
        boolean[] claimed = {false};
        slotsByAddress.compute(remote, (a, held) -> {
            int n = held == null ? 0 : held;
            if (n >= config.maxAssociationsPerAddress()) {
                return held;
            }
            claimed[0] = true;
            return n + 1;
        });
        return claimed[0];
    }

    private void releaseAddressSlot(InetAddress remote) {
        slotsByAddress.computeIfPresent(remote, (a, held) -> held <= 1 ? null : held - 1);
    }

    @Override
    public void close() {
        closed = true;
        ServerSocket ss = serverSocket;
        if (ss != null) {
            try {
                ss.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        registry.abortAll();
        associationPool.shutdown();
        rejectorPool.shutdown();
        timer.shutdownNow();
        try {
            if (!associationPool.awaitTermination(5, TimeUnit.SECONDS)) {
                associationPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

}
