package dev.retort.it.compliance;

import org.junit.jupiter.api.Nested;

import dev.retort.it.TestDatabase;

/** The shared suites on embedded H2. */
class H2ComplianceTest {
    @Nested
    class Sessions extends SessionCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Transactions extends TransactionCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Queries extends QueryCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Selects extends SelectCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class BulkAndSql extends BulkAndSqlCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Joins extends JoinCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Relationships extends RelationshipCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Inheritance extends InheritanceCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Faults extends FaultCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Streams extends StreamCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class ExpireOnCommit extends ExpireOnCommitCompliance {
        @Override
        protected TestDatabase database() {
            return TestDatabase.H2;
        }
    }
}
