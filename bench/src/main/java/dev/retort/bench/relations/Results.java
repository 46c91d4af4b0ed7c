package dev.retort.bench.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * W5 timings per (workload, database, implementation) as medians. The baseline of a (workload, database)
 * is the fastest hand-written JDBC variant measured there (marked "baseline"); Retort's rows are judged
 * against it (≤ 1.5×) and against the fastest Hibernate variant of the same cell.
 */
final class Results {
    private static final double LIMIT = 1.5;
    private final List<Row> rows = new ArrayList<>();

    private record Row(String workload, String database, String implementation, List<Double> millis, String failure) {
        double median() {
            return dev.retort.bench.Timings.median(millis);
        }

        double min() {
            return dev.retort.bench.Timings.min(millis);
        }

        double max() {
            return dev.retort.bench.Timings.max(millis);
        }

        boolean measured() {
            return failure == null && !millis.isEmpty();
        }
    }

    void add(String workload, String database, String implementation, List<Double> millis, String failure) {
        rows.add(new Row(workload, database, implementation, List.copyOf(millis), failure));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| workload | database | implementation | median ms | min–max ms | n | ratio to JDBC | Retort target |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            if (!row.measured()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | — | — | %d | — | %s |%n", row.workload(), row.database(),
                        row.implementation(), row.millis().size(), row.failure() == null ? "not measured"
                                : "FAILED: " + row.failure().replace('|', '/')));
                continue;
            }
            Row jdbc = fastest(row, "jdbc");
            double ratio = jdbc == null ? Double.NaN : row.median() / jdbc.median();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f–%.1f | %d | %.2f× | %s |%n", row.workload(),
                    row.database(), row.implementation() + (row == jdbc ? " — baseline" : ""), row.median(), row.min(),
                    row.max(), row.millis().size(), ratio, verdict(row, ratio)));
        }
        return out.toString();
    }

    private String verdict(Row row, double ratio) {
        if (!row.implementation().startsWith("retort")) {
            return "";
        }
        String versusJdbc = String.format(Locale.ROOT, "≤%.1f× JDBC: %s", LIMIT, ratio <= LIMIT ? "met" : "MISSED");
        Row hibernate = fastest(row, "hibernate");
        if (hibernate == null) {
            return versusJdbc;
        }
        return versusJdbc + String.format(Locale.ROOT, "; vs best Hibernate (%s) %.2f×: %s",
                hibernate.implementation().substring("hibernate".length()).trim().replaceAll("^\\((.*)\\)$", "$1"), row.median() / hibernate.median(),
                row.median() < hibernate.median() ? "faster" : "SLOWER");
    }

    /** The measured row of {@code implementation} with the lowest median in the same (workload, database). */
    private Row fastest(Row of, String implementation) {
        Row best = null;
        for (Row row : rows) {
            if (row.workload().equals(of.workload()) && row.database().equals(of.database())
                    && row.implementation().startsWith(implementation) && row.measured()
                    && (best == null || row.median() < best.median())) {
                best = row;
            }
        }
        return best;
    }
}
