package dev.retort.bench.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Timings per (workload, database, implementation), summarised as medians and ratios to JDBC. */
public final class Results {
    private final List<Row> rows = new ArrayList<>();

    record Row(String workload, String database, String implementation, List<Double> millis) {
        double median() {
            return dev.retort.bench.Timings.median(millis);
        }

        double min() {
            return dev.retort.bench.Timings.min(millis);
        }

        double max() {
            return dev.retort.bench.Timings.max(millis);
        }
    }

    void add(String workload, String database, String implementation, List<Double> millis) {
        rows.add(new Row(workload, database, implementation, List.copyOf(millis)));
    }

    /** The table as Markdown: median, spread, ratio to JDBC, and for Retort whether its targets are met. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| workload | database | implementation | median ms | min–max ms | n | ratio to JDBC | Retort target |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Row jdbc = find(row.workload(), row.database(), "jdbc", null);
            double ratio = jdbc == null ? Double.NaN : row.median() / jdbc.median();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f–%.1f | %d | %.2f× | %s |%n", row.workload(),
                    row.database(), row.implementation(), row.median(), row.min(), row.max(), row.millis().size(), ratio,
                    verdict(row, ratio)));
        }
        return out.toString();
    }

    private String verdict(Row row, double ratio) {
        if (!row.implementation().startsWith("retort")) {
            return "";
        }
        String variant = row.implementation().substring("retort".length());
        Row hibernate = find(row.workload(), row.database(), "hibernate", variant);
        double limit = limit(row.workload());
        String versusJdbc = String.format(Locale.ROOT, "≤%.1f× JDBC: %s", limit, ratio <= limit ? "met" : "MISSED");
        if (hibernate == null) {
            return versusJdbc;
        }
        boolean faster = row.median() < hibernate.median();
        return versusJdbc + String.format(Locale.ROOT, "; vs Hibernate %.2f×: %s", row.median() / hibernate.median(),
                faster ? "faster" : "SLOWER");
    }

    private static double limit(String workload) {
        if (workload.startsWith("W1")) return 1.3;
        if (workload.startsWith("W3")) return 2.0;
        return 1.5;
    }

    /** The row of an implementation ({@code jdbc}, {@code hibernate}) for a workload; {@code variant} matches a label's suffix. */
    private Row find(String workload, String database, String implementation, String variant) {
        for (Row row : rows) {
            if (row.workload().equals(workload) && row.database().equals(database)
                    && row.implementation().startsWith(implementation)
                    && (variant == null || row.implementation().equals(implementation + variant))) {
                return row;
            }
        }
        return null;
    }
}
