package dev.retort.session.persister;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import org.junit.jupiter.api.Test;

import dev.retort.MappingException;
import dev.retort.Metadata;
import dev.retort.dialect.h2.H2Dialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.Hierarchy;

/** TABLE_PER_CLASS ids from a sequence: fine where sequences exist, refused where they would become per-table identities. */
class TablePerClassIdsTest {

    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    abstract static class Document {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
    }

    @Entity
    static class Invoice extends Document {
        String number;
    }

    @Test
    void sequenceIdsNeedADatabaseWithSequences() {
        Hierarchy hierarchy = Hierarchy.of(Metadata.of(Document.class, Invoice.class).models()).get(Invoice.class);
        assertThatNoException().isThrownBy(() -> new EntityPersister(EntityMappings.of(Invoice.class), new H2Dialect(), hierarchy));
        assertThatThrownBy(() -> new EntityPersister(EntityMappings.of(Invoice.class), new SqliteDialect(), hierarchy))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("Entity dev.retort.session.persister.TablePerClassIdsTest$Invoice uses TABLE_PER_CLASS inheritance with "
                        + "GenerationType.SEQUENCE ids, but sqlite has no sequences, so each table would number its rows "
                        + "itself and rows of different tables could get the same id. To fix this, use "
                        + "@GeneratedValue(strategy = GenerationType.UUID) or assign ids yourself, or use SINGLE_TABLE or JOINED.");
    }
}
