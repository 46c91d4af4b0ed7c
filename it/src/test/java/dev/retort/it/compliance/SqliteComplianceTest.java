package dev.retort.it.compliance;

import org.junit.jupiter.api.Nested;

import dev.retort.it.TestDatabase;

/** The shared suites on embedded SQLite. */
class SqliteComplianceTest {
    @Nested
    class Sessions extends SessionCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class Transactions extends TransactionCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class Queries extends QueryCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class Selects extends SelectCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class BulkAndSql extends BulkAndSqlCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class Joins extends JoinCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class Relationships extends RelationshipCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class Inheritance extends InheritanceCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class Faults extends FaultCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class Streams extends StreamCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }

    @Nested
    class ExpireOnCommit extends ExpireOnCommitCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.SQLITE;
        }
    }
}
