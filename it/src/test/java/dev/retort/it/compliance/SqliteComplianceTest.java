package dev.retort.it.compliance;

import dev.retort.it.TestDatabase;

/** The shared suites on embedded SQLite. */
class SqliteComplianceTest extends ComplianceSuites {
    @Override
    public TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}
