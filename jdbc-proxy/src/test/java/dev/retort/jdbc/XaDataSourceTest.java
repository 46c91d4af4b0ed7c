package dev.retort.jdbc;

import dev.retort.jdbc.support.RecordingListener;
import dev.retort.jdbc.wrapper.RetortConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The XA wrapper under a hand-driven two-phase commit, as a JTA transaction manager would drive it. */
class XaDataSourceTest {

    @Test
    void connectionsAreProxiedWhileTheDriversXaResourceCommits() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:retort_xa;DB_CLOSE_DELAY=-1");
        RetortXADataSource dataSource = new RetortXADataSource(h2);
        assertThat(dataSource.delegate()).isSameAs(h2);
        try (Connection setup = h2.getConnection(); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE rp_xa (id INTEGER PRIMARY KEY)");
        }
        XAConnection xaConnection = dataSource.getXAConnection();
        List<Object> closedSources = new ArrayList<>();
        xaConnection.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                closedSources.add(event.getSource());
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
            }
        });
        XAResource resource = xaConnection.getXAResource();
        assertThat(resource.getClass().getName()).startsWith("org.h2.");
        Xid xid = new TestXid();
        try (RecordingListener listener = RecordingListener.register()) {
            resource.start(xid, XAResource.TMNOFLAGS);
            Connection connection = xaConnection.getConnection();
            assertThat(connection).isInstanceOf(RetortConnection.class);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO rp_xa VALUES (1)");
            }
            assertThat(listener.summaries(connection)).containsExactly("UPDATE rows=1 | INSERT INTO rp_xa VALUES (1)");
            resource.end(xid, XAResource.TMSUCCESS);
            assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
            resource.commit(xid, false);
            // H2 rolls back what is open when a logical connection closes, so close it after the commit
            connection.close();
        }
        assertThat(closedSources).containsExactly(xaConnection);
        xaConnection.close();
        try (Connection check = h2.getConnection(); Statement statement = check.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM rp_xa")) {
            resultSet.next();
            assertThat(resultSet.getInt(1)).isEqualTo(1);
        }
    }

    private static final class TestXid implements Xid {
        @Override
        public int getFormatId() {
            return 4242;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return new byte[] {1};
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {2};
        }
    }
}
