package dev.retort.jdbc.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The file named by {@code retort.log.file}: the statement's thread only links its record into a lock-free
 * chain; a background thread formats the records and writes them through a buffered writer every
 * {@value #FLUSH_MILLIS} ms, sooner when {@value #WAKE_AT} records wait, and a shutdown hook writes what is
 * left when the JVM exits normally. One instance per file in a JVM, shared by every {@link SqlLog} naming
 * it; thread-safe.
 *
 * <p>Records are formatted on the writer thread, as a listener may read them (see
 * {@link dev.retort.jdbc.SqlEvent}): bound values are rendered from the references the record holds.
 */
public final class FileSink {

    /** How often the writer thread wakes to write and flush what has been queued. */
    public static final long FLUSH_MILLIS = 200;
    /** Records waiting that wake the writer before its timer. */
    static final int WAKE_AT = 1024;
    /**
     * Records waiting beyond which the statement's thread writes them itself, under the writer's lock: the
     * back-pressure that keeps memory bounded when statements come faster than the disk takes them.
     */
    static final int MAX_WAITING = 65536;

    /** Characters buffered before a write to the file: a few hundred records. */
    private static final int BUFFER_CHARS = 1 << 16;

    private static final Map<Path, FileSink> OPEN = new ConcurrentHashMap<>();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** A queued record; {@code depth} counts the chain beneath it so nobody has to walk it to know its size. */
    private static final class Queued {
        final SqlLog log;
        final StatementRecord record;
        final long millis;
        Queued below;
        int depth;

        Queued(SqlLog log, StatementRecord record, long millis) {
            this.log = log;
            this.record = record;
            this.millis = millis;
        }
    }

    private final Path path;
    private final AtomicReference<Queued> top = new AtomicReference<>();
    private final Thread writerThread;
    private final Thread exitHook;
    /** Guarded by {@code this}; after {@link #close()} records are written by the thread that logs them. */
    private Writer writer;
    private boolean closed;
    /** Set at exit and at close: from then on each record is written and flushed as it comes. */
    private volatile boolean direct;
    private boolean failureReported;
    /** The writer's scratch space, reused for every record (guarded by {@code this}). */
    private final StringBuilder line = new StringBuilder(512);
    private char[] chars = new char[512];
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedSecondText;

    private FileSink(Path path) {
        this.path = path;
        this.writer = open(path);
        this.writerThread = new Thread(this::writeEvery, "retort-log-writer " + path.getFileName());
        writerThread.setDaemon(true);
        this.exitHook = new Thread(this::atExit, "retort-log-exit " + path.getFileName());
        Runtime.getRuntime().addShutdownHook(exitHook);
        writerThread.start();
    }

    /** The sink for {@code file}, opened (for appending) on first use. */
    static FileSink forFile(String file) {
        return OPEN.computeIfAbsent(Path.of(file).toAbsolutePath().normalize(), FileSink::new);
    }

    private static Writer open(Path path) {
        try {
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8), BUFFER_CHARS);
        } catch (IOException | RuntimeException cannotOpen) {
            throw new IllegalArgumentException("Cannot open the SQL log file " + path + " named by retort.log.file ("
                    + cannotOpen + "). To fix this, create its folder or set retort.log.file to a file the"
                    + " application may write.", cannotOpen);
        }
    }

    Path path() {
        return path;
    }

    /** Called on the statement's thread: no lock unless the writer has fallen {@value #MAX_WAITING} behind. */
    void add(SqlLog log, StatementRecord record) {
        Queued queued = new Queued(log, record, System.currentTimeMillis());
        Queued below;
        do {
            below = top.get();
            queued.below = below;
            queued.depth = below == null ? 1 : below.depth + 1;
        } while (!top.compareAndSet(below, queued));
        if (direct || queued.depth >= MAX_WAITING) {
            writeWaiting();
        } else if (queued.depth == WAKE_AT) {
            LockSupport.unpark(writerThread);
        }
    }

    private void writeEvery() {
        long interval = TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
        while (true) {
            LockSupport.parkNanos(this, interval);
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            writeWaiting();
        }
    }

    /** Takes the whole chain, writes it oldest first and flushes. */
    synchronized void writeWaiting() {
        Queued newest = top.getAndSet(null);
        if (newest == null) {
            return;
        }
        Queued[] inOrder = new Queued[newest.depth];
        for (Queued queued = newest; queued != null; queued = queued.below) {
            inOrder[queued.depth - 1] = queued;
        }
        try {
            Writer target = closed ? open(path) : writer;
            try {
                for (Queued queued : inOrder) {
                    line.setLength(0);
                    format(queued, line);
                    int length = line.length();
                    if (chars.length < length) {
                        chars = new char[Math.max(length, chars.length * 2)];
                    }
                    line.getChars(0, length, chars, 0);
                    target.write(chars, 0, length);
                }
                target.flush();
            } finally {
                if (closed) {
                    target.close();
                }
            }
        } catch (IOException | RuntimeException failure) {
            reportOnce(inOrder.length, failure);
        }
    }

    /** {@code 2026-12-03T00:12:01.123Z INFO [conn 1] query ...}, or the JSON object with time and level first. */
    private void format(Queued queued, StringBuilder line) {
        String level = queued.log.level(queued.record).getName();
        if (queued.log.json()) {
            line.append("{\"time\":\"");
            timestamp(queued.millis, line);
            line.append("\",\"level\":\"").append(level).append("\",");
        } else {
            timestamp(queued.millis, line);
            line.append(' ').append(level).append(' ');
        }
        queued.log.appendTo(line, queued.record);
        line.append('\n');
    }

    private void timestamp(long millis, StringBuilder line) {
        long second = Math.floorDiv(millis, 1000);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedSecondText = SECONDS.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC));
        }
        long fraction = Math.floorMod(millis, 1000);
        line.append(cachedSecondText).append('.').append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "")
                .append(fraction).append('Z');
    }

    private void reportOnce(int lost, Exception failure) {
        if (failureReported) {
            return;
        }
        failureReported = true;
        System.getLogger(SqlLog.LOGGER_NAME).log(Level.WARNING, "Cannot write the SQL log file " + path + "; "
                + lost + " records are lost, and later ones may be. To fix this, free disk space or make the file"
                + " writable again.", failure);
    }

    private void atExit() {
        direct = true;
        writeWaiting();
    }

    /**
     * Writes what waits and closes the file; records logged after this are written by the thread that logs
     * them, reopening the file each time. The next {@link #forFile} of the same path opens a new sink.
     */
    void close() {
        writeWaiting();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            direct = true;
            OPEN.remove(path, this);
            try {
                writer.close();
            } catch (IOException failure) {
                reportOnce(0, failure);
            }
        }
        LockSupport.unpark(writerThread);
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the JVM is already running its hooks; this one has done or will do nothing more
        }
    }
}
