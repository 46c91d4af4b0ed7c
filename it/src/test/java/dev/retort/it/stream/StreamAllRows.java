package dev.retort.it.stream;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Iterator;
import java.util.stream.Stream;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;

/**
 * The program {@link MillionRowStreamIT} runs in a JVM of its own with a small heap: streams every row of
 * {@code stream_rows} from the database at the URL in {@code RETORT_STREAM_URL} (an environment variable,
 * so that credentials stay off the command line) and prints the count and sums it read, the heap peak and
 * the time taken. An OutOfMemoryError ends it with a non-zero exit code.
 */
public final class StreamAllRows {
    private StreamAllRows() {
    }

    public static void main(String[] arguments) {
        String url = System.getenv("RETORT_STREAM_URL");
        long started = System.nanoTime();
        long count = 0;
        long idSum = 0;
        long amountSum = 0;
        long wrongLabels = 0;
        try (Engine engine = Engine.create(url); Session session = SessionFactory.of(engine, Metadata.of(StreamRow.class)).open();
             Stream<StreamRow> rows = session.query(StreamRow.class).stream()) {
            for (Iterator<StreamRow> iterator = rows.iterator(); iterator.hasNext(); ) {
                StreamRow row = iterator.next();
                count++;
                idSum += row.id;
                amountSum += row.amount;
                if (!row.label.equals("row " + row.id)) {
                    wrongLabels++;
                }
            }
        }
        System.out.println("count=" + count + " idSum=" + idSum + " amountSum=" + amountSum + " wrongLabels=" + wrongLabels);
        System.out.println("seconds=" + (System.nanoTime() - started) / 1_000_000_000.0 + " heapPeakMb=" + heapPeakMegabytes()
                + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** The sum of the heap pools' peaks: an upper bound of what the heap held at once. */
    private static long heapPeakMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
