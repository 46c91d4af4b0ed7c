package dev.retort.it.compliance;

import org.junit.jupiter.api.Nested;

import dev.retort.it.OnDatabase;
import dev.retort.it.TestDatabase;

/**
 * Every shared compliance suite, bound once to the database a subclass names: {@code H2ComplianceTest} and
 * {@code SqliteComplianceTest} run with surefire, {@code PostgresComplianceIT} and {@code MariaDbComplianceIT}
 * with failsafe. A suite added here runs on all four.
 */
abstract class ComplianceSuites implements OnDatabase {
    @Nested
    class Sessions extends SessionCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class Transactions extends TransactionCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class Queries extends QueryCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class Selects extends SelectCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class BulkAndSql extends BulkAndSqlCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class Joins extends JoinCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class Relationships extends RelationshipCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class Inheritance extends InheritanceCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class Faults extends FaultCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class Streams extends StreamCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }

    @Nested
    class ExpireOnCommit extends ExpireOnCommitCompliance {
        @Override
        public TestDatabase database() {
            return ComplianceSuites.this.database();
        }
    }
}
