package dev.retort.jdbc.translate;

import java.util.List;
import java.util.function.Consumer;

/**
 * How one target database spells what the rules ask of it, the way SQLAlchemy's {@code PGCompiler} holds
 * PostgreSQL's rendering: rules ask the target object, never {@code if (target == X)}. One subclass per
 * target; stateless and shared.
 */
abstract class Target {

    final Dialect dialect;

    Target(Dialect dialect) {
        this.dialect = dialect;
    }

    static Target of(Dialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                return PostgresTarget.INSTANCE;
            case H2:
                return H2Target.INSTANCE;
            case SQLITE:
                return SqliteTarget.INSTANCE;
            default:
                return MySqlTarget.of(dialect);
        }
    }

    /** A name as the target reads it: quoted when the target reserves it or its case needs keeping. */
    final String name(String name) {
        return Keywords.name(name, dialect);
    }

    /** A string literal holding {@code value}. */
    final String literal(String value) {
        return Literals.quote(value, dialect);
    }

    /** An index a MySQL CREATE TABLE declared inline; idempotent, as the table may already exist. */
    String createIndex(boolean unique, String index, String table, String columns) {
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + name(index) + " ON " + name(table)
                + " " + columns;
    }

    /**
     * Writes an AUTO_INCREMENT column: its definition, and what must follow the table when the numbering
     * starts at {@code start} (1 is the default). {@code rest} holds the column's other modifiers, {@code check}
     * the CHECK that keeps an UNSIGNED range (or "").
     */
    abstract String identityColumn(String table, String column, String integerType, String rest, String check,
                                   long start, Consumer<String> after);

    /**
     * The statement that moves {@code column}'s identity past the largest value in the table, as MySQL's
     * AUTO_INCREMENT moves after explicit ids; null when the target does so itself. {@code storedTable} and
     * {@code storedColumn} are the names as the target's metadata reports them.
     */
    abstract String identityPastLargest(String table, String storedTable, String storedColumn);

    /**
     * ON UPDATE CURRENT_TIMESTAMP for {@code column}: a clause for the column definition (or ""), and the
     * statements that follow the table (triggers). {@code columns} are all the table's columns.
     */
    abstract String onUpdateTimestamp(String table, String column, List<String> columns, Consumer<String> after);

    /** The statement that opens a transaction, for MySQL's START TRANSACTION / BEGIN [WORK]. */
    abstract String startTransaction();

    /**
     * CREATE DATABASE as a schema where the target has schemas; null when it has none.
     */
    abstract String createSchema(String schema, boolean ifNotExists);

    /** DROP DATABASE as DROP SCHEMA with what it holds; null when the target has no schemas. */
    String dropSchema(String schema, boolean ifExists) {
        return "DROP SCHEMA " + (ifExists ? "IF EXISTS " : "") + name(schema) + " CASCADE";
    }

    /** USE schema; null when the target cannot switch. */
    abstract String useSchema(String schema);

    /**
     * INSERT IGNORE: inserts the rows that conflict with no unique key. {@code head} is the translated
     * {@code table (columns)}, {@code rows} the translated VALUES or SELECT, {@code columns} the inserted
     * columns and {@code keys} the table's unique keys (both lower case, empty when unknown).
     */
    abstract String insertIgnore(String table, String head, String rows, List<String> columns,
                                 List<List<String>> keys);

    /** Whether a single INTEGER primary key is the row id, which the database numbers (SQLite). */
    boolean integerPrimaryKeyIsRowId() {
        return false;
    }

    /**
     * A text column of type {@code written} (as translated) that compares, sorts, groups and stays unique
     * without case, as under MySQL's default collation; {@code length} is a CHAR/VARCHAR length or -1.
     * Statements the type needs first go to {@code before}.
     */
    abstract String caseInsensitiveText(String column, String written, int length, Consumer<String> before);

    /** How the assignments of an upsert name the row that was not inserted: VALUES(c) and alias.c. */
    String newRow() {
        return "EXCLUDED";
    }

    /**
     * INSERT … ON DUPLICATE KEY UPDATE on the one key that can conflict. {@code assignments} is the translated
     * SET list, where {@link #newRow()} names the row not inserted and the table's own name its current row.
     */
    String upsert(String table, String head, String rows, List<String> columns, List<String> key,
                  String assignments) {
        StringBuilder keyList = new StringBuilder();
        for (String column : key) {
            keyList.append(keyList.length() > 0 ? ", " : "").append(name(column));
        }
        return "INSERT INTO " + head + " " + rows + " ON CONFLICT (" + keyList + ") DO UPDATE SET " + assignments;
    }

    @Override
    public String toString() {
        return dialect.toString();
    }
}
