package com.monstermart.cdp.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.localstack.StackEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@WithCdpStack("mariadb")
class MariaDbBinlogTest {
    @Test
    void writesReachTheRowBasedBinaryLog(CdpStack stack) throws Exception {
        StackEndpoints.MariaDb mariadb = stack.endpoints().mariadb();
        String database = stack.createMariaDbDatabase("binlog_proof");
        try (Connection connection =
                        DriverManager.getConnection(mariadb.jdbcUrl(database), mariadb.user(), mariadb.password());
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT @@log_bin")).isEqualTo("1");
            assertThat(single(statement, "SELECT @@binlog_format")).isEqualTo("ROW");
            assertThat(single(statement, "SELECT @@binlog_row_image")).isEqualTo("FULL");
            statement.execute("CREATE TABLE loyalty_members (id bigint PRIMARY KEY, card varchar(32))");
            statement.execute("INSERT INTO loyalty_members VALUES (1, 'MM-0001')");
            String binaryLog;
            try (ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
                assertThat(status.next()).isTrue();
                binaryLog = status.getString("File");
            }
            boolean sawInsert = false;
            try (ResultSet events = statement.executeQuery("SHOW BINLOG EVENTS IN '" + binaryLog + "'")) {
                while (events.next()) {
                    sawInsert |= events.getString("Event_type").startsWith("Write_rows");
                }
            }
            assertThat(sawInsert).as("a Write_rows event in " + binaryLog).isTrue();
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
