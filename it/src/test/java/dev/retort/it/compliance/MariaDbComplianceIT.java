package dev.retort.it.compliance;

import dev.retort.it.TestDatabase;

/** The shared suites on the MariaDB server of RETORT_TEST_MARIADB_URL (skipped with a message when it is not set). */
class MariaDbComplianceIT extends ComplianceSuites {
    @Override
    public TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
