package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;

import dev.retort.dialect.Dialects;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;

/**
 * A pool whose every connection a session holds: the next session's connect gives pool advice (its size and timeout,
 * the keys to raise), not the advice for an unreachable database. Real Agroal pools of one connection over H2.
 */
class PoolTimeoutTest {
    @Entity
    @Table(name = "pool_notes")
    public static class Note {
        @Id
        Long id;

        protected Note() {
        }
    }

    @Test
    void aContainersPoolInUseNamesItsSizeTimeoutAndSettings() throws SQLException {
        try (AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(settings -> settings.maxSize(1).acquisitionTimeout(Duration.ofSeconds(1))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl("jdbc:h2:mem:pool_timeout;DB_CLOSE_DELAY=-1"))))) {
            Engine engine = Engine.of(pool, Dialects.byName("h2").orElseThrow(), "H2 through the test's pool", false);

            assertThat(secondSessionFails(engine)).isExactlyInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("Cannot connect to H2 through the test's pool: the pool's only connection was in use for "
                            + "1 s, the acquisition timeout (or opening a new connection took that long). Nothing was written. "
                            + "To fix this, close sessions (and streams) sooner, or raise the pool's max-size or acquisition "
                            + "timeout (in Quarkus quarkus.datasource.jdbc.max-size and "
                            + "quarkus.datasource.jdbc.acquisition-timeout).");
        }
    }

    @Test
    void theEnginesOwnPoolInUseNamesItsOptions() {
        try (Engine engine = Engine.create("h2:mem:own_pool_timeout", Map.of("pool-size", 1, "acquisition-timeout-seconds", 1))) {
            assertThat(secondSessionFails(engine)).isExactlyInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("Cannot connect to H2 mem:own_pool_timeout: the pool's only connection was in use for 1 s, "
                            + "the acquisition timeout (or opening a new connection took that long). Nothing was written. "
                            + "To fix this, close sessions (and streams) sooner, or raise the pool's size or acquisition "
                            + "timeout (the engine options pool-size and acquisition-timeout-seconds).");
        }
    }

    /** Creates the table, then a session holds the pool's one connection in its transaction while a second one reads. */
    private static Throwable secondSessionFails(Engine engine) {
        Metadata metadata = Metadata.of(Note.class);
        metadata.createAll(engine);
        SessionFactory sessions = SessionFactory.of(engine, metadata);
        try (Session holding = sessions.open(); Session waiting = sessions.open()) {
            assertThat(holding.query(Note.class).all()).isEmpty();
            return catchThrowable(() -> waiting.query(Note.class).all());
        }
    }
}
