package dev.retort.jdbc.translate;

import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar retort-jdbc-proxy.jar translate --from mysql|mariadb|postgresql --to ... [--explain] [--strict]
 * [--case-insensitive] ["SQL" | --file path]}: prints the translation of each statement (reading standard
 * input when neither SQL nor a file is given), or the reason it is refused. Exit status 0 when every
 * statement translated, 1 when one was refused, 2 for a usage error.
 */
public final class TranslateCli {

    static final String USAGE = "Usage: java -jar retort-jdbc-proxy.jar translate --from mysql|mariadb|postgresql"
            + " --to postgresql|h2|sqlite|mysql|mariadb [--explain] [--strict] [--case-insensitive]"
            + " [--case-insensitive-columns]"
            + " [\"SQL; ...\" | --file path]  (standard input when neither is given). Pairs: mysql or mariadb (one"
            + " dialect as a source) to postgresql, h2 or sqlite; postgresql to mysql, mariadb or sqlite.";

    private TranslateCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("translate")) {
            err.println(USAGE);
            return 2;
        }
        Dialect from = null;
        Dialect to = null;
        boolean explain = false;
        boolean strict = false;
        boolean caseInsensitive = false;
        boolean caseInsensitiveColumns = false;
        String sql = null;
        String file = null;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--from" -> from = dialect(args, ++i, "--from");
                    case "--to" -> to = dialect(args, ++i, "--to");
                    case "--explain" -> explain = true;
                    case "--strict" -> strict = true;
                    case "--case-insensitive" -> caseInsensitive = true;
                    case "--case-insensitive-columns" -> caseInsensitiveColumns = true;
                    case "--file" -> file = value(args, ++i, "--file");
                    default -> {
                        if (args[i].startsWith("--") || sql != null) {
                            throw new IllegalArgumentException("Unexpected argument " + args[i]);
                        }
                        sql = args[i];
                    }
                }
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException("Both --from and --to are required");
            }
            Translator translator = Translator.of(from, to, strict, caseInsensitive, caseInsensitiveColumns);
            String input = sql != null ? sql : file != null ? Files.readString(Path.of(file), StandardCharsets.UTF_8)
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return translateAll(translator, from, input, explain, out);
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static Dialect dialect(String[] args, int index, String option) {
        String name = value(args, index, option);
        Dialect dialect = Dialect.named(name);
        if (dialect == null) {
            throw new IllegalArgumentException("Unknown dialect " + name + " for " + option);
        }
        return dialect;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int translateAll(Translator translator, Dialect from, String input, boolean explain,
                                    PrintStream out) {
        List<String> statements;
        try {
            statements = split(input, from);
        } catch (SQLException unterminated) {
            out.println("-- error: " + unterminated.getMessage());
            return 1;
        }
        int status = 0;
        for (String statement : statements) {
            try {
                Translation translation = translator.explain(statement);
                out.println(translation + ";");
                if (explain) {
                    out.println("-- rules: " + (translation.rules().isEmpty() ? "(none, passed through)"
                            : String.join(", ", translation.rules())));
                    for (String warning : translation.warnings()) {
                        out.println("-- warning: " + warning);
                    }
                }
            } catch (SQLException refused) {
                out.println("-- error: " + refused.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** Statements at the semicolons that are not inside a literal, name or comment. */
    static List<String> split(String input, Dialect source) throws SQLException {
        Tokens tokens = Tokenizer.tokenize(input, source);
        List<String> statements = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= tokens.count; i++) {
            if (i == tokens.count || tokens.kind[i] == Tokens.SEMICOLON) {
                int end = i == tokens.count ? input.length() : tokens.start[i];
                String statement = input.substring(from, end).strip();
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
                from = i == tokens.count ? end : tokens.end[i];
            }
        }
        return statements;
    }
}
