package dev.retort.bench;

import java.util.ArrayList;
import java.util.List;

/** The statistics every harness reports over the measured iterations of one cell, in milliseconds. */
public final class Timings {
    private Timings() {
    }

    public static double median(List<Double> millis) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static double min(List<Double> millis) {
        return millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public static double max(List<Double> millis) {
        return millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "JDK …, n CPUs, max heap … MB": the header line of a run. */
    public static String environment() {
        return "JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }
}
