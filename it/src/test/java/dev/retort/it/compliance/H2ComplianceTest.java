package dev.retort.it.compliance;

import dev.retort.it.TestDatabase;

/** The shared suites on embedded H2. */
class H2ComplianceTest extends ComplianceSuites {
    @Override
    public TestDatabase database() {
        return TestDatabase.H2;
    }
}
