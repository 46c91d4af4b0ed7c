package dev.retort.it.compliance;

import org.junit.jupiter.api.Nested;

import dev.retort.it.TestDatabase;

/** The shared suites on a PostgreSQL server (skipped with a message when its URL is not set). */
class PostgresComplianceIT {
    @Nested
    class Sessions extends SessionCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Transactions extends TransactionCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Queries extends QueryCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Selects extends SelectCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class BulkAndSql extends BulkAndSqlCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Joins extends JoinCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Relationships extends RelationshipCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Inheritance extends InheritanceCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Faults extends FaultCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Streams extends StreamCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class ExpireOnCommit extends ExpireOnCommitCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
