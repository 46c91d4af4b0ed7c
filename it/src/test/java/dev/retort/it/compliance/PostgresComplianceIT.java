package dev.retort.it.compliance;

import dev.retort.it.TestDatabase;

/** The shared suites on the PostgreSQL server of RETORT_TEST_POSTGRES_URL (skipped with a message when it is not set). */
class PostgresComplianceIT extends ComplianceSuites {
    @Override
    public TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
