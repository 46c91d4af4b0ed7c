package dev.retort.quarkus.deployment;

import java.util.List;
import java.util.function.Predicate;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/** The spans an in-memory exporter received, read once they arrived: quarkus-opentelemetry exports asynchronously. */
final class ExportedSpans {
    private ExportedSpans() {
    }

    /** The exported spans once {@code arrived} holds for them, or what arrived in 10 seconds. */
    static List<SpanData> once(InMemorySpanExporter exporter, Predicate<List<SpanData>> arrived) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<SpanData> spans = exporter.getFinishedSpanItems();
            if (arrived.test(spans) || System.nanoTime() > deadline) {
                return spans;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return spans;
            }
        }
    }
}
