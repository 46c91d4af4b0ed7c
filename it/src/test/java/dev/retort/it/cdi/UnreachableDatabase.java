package dev.retort.it.cdi;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.h2.jdbcx.JdbcDataSource;

/** A named DataSource bean whose database does not exist (H2 may not create it), so detecting the dialect fails. */
@ApplicationScoped
public class UnreachableDatabase {
    static final String URL = "jdbc:h2:mem:retort_cdi_missing;IFEXISTS=TRUE";

    @Produces
    @Named("unreachable")
    @ApplicationScoped
    DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(URL);
        return dataSource;
    }
}
