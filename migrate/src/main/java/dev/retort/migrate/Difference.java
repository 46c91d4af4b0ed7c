package dev.retort.migrate;

/**
 * One way the database differs from the model. {@code table} names the table, {@code subject} the column,
 * index, constraint or sequence concerned (null for a whole table); {@code inDatabase} and {@code inModel} say what
 * each side has, null where a side has nothing. Immutable.
 */
public record Difference(Kind kind, String table, String subject, String inDatabase, String inModel) {

    /** What differs. */
    public enum Kind {
        TABLE_MISSING, TABLE_EXTRA, COLUMN_MISSING, COLUMN_EXTRA, COLUMN_TYPE, COLUMN_NULLABILITY, COLUMN_DEFAULT,
        PRIMARY_KEY, UNIQUE_MISSING, UNIQUE_EXTRA, INDEX_MISSING, INDEX_EXTRA, FOREIGN_KEY_MISSING, FOREIGN_KEY_EXTRA,
        SEQUENCE_MISSING
    }

    /** A sentence for people, such as {@code column authors.name is VARCHAR(50) in the database, VARCHAR(120) in the model}. */
    public String describe() {
        String column = table + "." + subject;
        return switch (kind) {
            case TABLE_MISSING -> "table " + table + " is in the model but not in the database";
            case TABLE_EXTRA -> "table " + table + " is in the database but not in the model";
            case COLUMN_MISSING -> "column " + column + " (" + inModel + ") is in the model but not in the database";
            case COLUMN_EXTRA -> "column " + column + " (" + inDatabase + ") is in the database but not in the model";
            case COLUMN_TYPE -> "column " + column + " is " + inDatabase + " in the database, " + inModel + " in the model";
            case COLUMN_NULLABILITY -> "column " + column + " is " + inDatabase + " in the database, " + inModel + " in the model";
            case COLUMN_DEFAULT -> "column " + column + " has the default " + inDatabase + " in the database, none in the model";
            case PRIMARY_KEY -> "the primary key of " + table + " is (" + inDatabase + ") in the database, (" + inModel
                    + ") in the model";
            case UNIQUE_MISSING -> "unique constraint on " + table + " (" + subject + ") is in the model but not in the database";
            case UNIQUE_EXTRA -> "unique constraint " + inDatabase + " on " + table + " (" + subject
                    + ") is in the database but not in the model";
            case INDEX_MISSING -> "index " + subject + " on " + table + " (" + inModel + ") is in the model but not in the database";
            case INDEX_EXTRA -> "index " + subject + " on " + table + " (" + inDatabase + ") is in the database but not in the model";
            case FOREIGN_KEY_MISSING -> "foreign key " + subject + " is in the model but not in the database";
            case FOREIGN_KEY_EXTRA -> "foreign key " + subject + " is in the database but not in the model";
            case SEQUENCE_MISSING -> "sequence " + subject + " (of table " + table + ") is in the model but not in the database";
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
