package dev.retort.it.compliance;

import org.junit.jupiter.api.Nested;

import dev.retort.it.TestDatabase;

/** The shared suites on a MariaDB server (skipped with a message when its URL is not set). */
class MariaDbComplianceIT {
    @Nested
    class Sessions extends SessionCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class Transactions extends TransactionCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class Queries extends QueryCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class Selects extends SelectCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class BulkAndSql extends BulkAndSqlCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class Joins extends JoinCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class Relationships extends RelationshipCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class Inheritance extends InheritanceCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class Faults extends FaultCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class Streams extends StreamCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }

    @Nested
    class ExpireOnCommit extends ExpireOnCommitCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }
}
