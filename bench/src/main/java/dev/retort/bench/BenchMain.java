package dev.retort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.retort.bench.orm.OrmBenchmark;
import dev.retort.bench.orm.Results;

/**
 * Entry point of the benchmark module. Arguments are {@code key=value} settings of the ORM benchmark
 * (see {@link OrmBenchmark.Settings}); blank arguments are ignored so that an empty {@code bench.args}
 * property can be passed through Maven.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = BenchArguments.words(args);
        Results results = new OrmBenchmark(OrmBenchmark.Settings.parse(arguments)).run();
        String table = results.markdown();
        System.out.println();
        System.out.println(table);
        Path out = Path.of("bench", "target", "orm-results.md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table);
            System.out.println("Table written to " + out.toAbsolutePath());
        }
    }
}
