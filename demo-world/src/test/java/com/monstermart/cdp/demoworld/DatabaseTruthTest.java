package com.monstermart.cdp.demoworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.demoworld.output.DatabaseWriter;
import com.monstermart.cdp.demoworld.output.TableSpec;
import com.monstermart.cdp.demoworld.output.TableSpec.Database;
import com.monstermart.cdp.demoworld.output.Tables;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows in the real PostgreSQL and MariaDB databases agree with the truth files and with each other. */
@WithCdpStack({"postgres", "mariadb"})
class DatabaseTruthTest {
    @TempDir
    static Path directory;

    static StackEndpoints endpoints;
    static DatabaseTarget liveShop;
    static DatabaseTarget livePos;
    static DatabaseTarget snapshotShop;
    static DatabaseTarget snapshotPos;
    static GenerationSummary live;
    static DemoWorldSettings liveSettings;

    @BeforeAll
    static void generate(CdpStack stack) {
        endpoints = stack.require("postgres", "mariadb");
        liveShop = shop(stack.createDatabase("dw_shop_live"));
        livePos = pos(stack.createMariaDbDatabase("dw_pos_live"));
        snapshotShop = shop(stack.createDatabase("dw_shop_snapshot"));
        snapshotPos = pos(stack.createMariaDbDatabase("dw_pos_snapshot"));
        liveSettings = settings("live", Duration.ofDays(3), liveShop, livePos);
        live = DemoWorld.generate(liveSettings);
        DemoWorld.generate(settings("snapshot", Duration.ZERO, snapshotShop, snapshotPos));
    }

    private static DemoWorldSettings settings(
            String name, Duration liveWindow, DatabaseTarget shop, DatabaseTarget pos) {
        return DemoWorldSettings.builder()
                .customers(800)
                .days(30)
                .seed(99)
                .liveWindow(liveWindow)
                .outputDirectory(directory.resolve(name).resolve("out"))
                .dropDirectory(directory.resolve(name).resolve("drop"))
                .shop(shop)
                .pos(pos)
                .build();
    }

    private static DatabaseTarget shop(String database) {
        StackEndpoints.Postgres postgres = endpoints.postgres();
        return new DatabaseTarget(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }

    private static DatabaseTarget pos(String database) {
        StackEndpoints.MariaDb mariadb = endpoints.mariadb();
        return new DatabaseTarget(mariadb.jdbcUrl(database), mariadb.user(), mariadb.password());
    }

    @Test
    void liveChangesEndInTheSameStateAsLoadingEverythingAtOnce() throws SQLException {
        assertThat(live.liveChanges()).isGreaterThan(100);
        for (TableSpec table : Tables.SHOP_TABLES) {
            assertThat(dump(liveShop, table)).as(table.name()).isEqualTo(dump(snapshotShop, table));
        }
        for (TableSpec table : Tables.POS_TABLES) {
            assertThat(dump(livePos, table)).as(table.name()).isEqualTo(dump(snapshotPos, table));
        }
    }

    @Test
    void rowCountsMatchTheSummary() throws SQLException {
        for (TableSpec table : Tables.SHOP_TABLES) {
            assertThat((long) dump(liveShop, table).size())
                    .as(table.name())
                    .isEqualTo(live.rowsByTable().get("shop." + table.name()));
        }
        for (TableSpec table : Tables.POS_TABLES) {
            assertThat((long) dump(livePos, table).size())
                    .as(table.name())
                    .isEqualTo(live.rowsByTable().get("pos." + table.name()));
        }
    }

    @Test
    void everySourceRecordHasItsTruePerson() throws SQLException {
        List<Map<String, String>> records =
                TruthFiles.read(liveSettings.truthDirectory().resolve("records.csv"));
        assertThat(ids(liveShop, "SELECT id FROM customers")).isEqualTo(truthIds(records, "shop.customers"));
        assertThat(ids(liveShop, "SELECT id FROM orders")).isEqualTo(truthIds(records, "shop.orders"));
        assertThat(ids(livePos, "SELECT id FROM loyalty_members")).isEqualTo(truthIds(records, "pos.loyalty_members"));
        assertThat(ids(livePos, "SELECT id FROM transactions")).isEqualTo(truthIds(records, "pos.transactions"));
        // Guest orders carry no account; account orders name one of the same person's accounts.
        Map<String, String> personOf = records.stream()
                .filter(r -> r.get("source").equals("shop.customers")
                        || r.get("source").equals("shop.orders"))
                .collect(Collectors.toMap(r -> r.get("source") + ":" + r.get("record_id"), r -> r.get("person_id")));
        try (Connection connection = connect(liveShop);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, customer_id FROM orders")) {
            int accountOrders = 0;
            while (rows.next()) {
                long customer = rows.getLong(2);
                if (!rows.wasNull()) {
                    accountOrders++;
                    assertThat(personOf.get("shop.customers:" + customer))
                            .isEqualTo(personOf.get("shop.orders:" + rows.getLong(1)));
                }
            }
            assertThat(accountOrders).isPositive();
        }
        assertThat(live.expectedDuplicates().get("shop.customers")).isPositive();
    }

    @Test
    void theTablesAreThoseOfTheDdl() throws SQLException {
        for (TableSpec table : Tables.SHOP_TABLES) {
            assertThat(columns(
                            liveShop,
                            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                                    + " AND table_name = '" + table.name() + "' ORDER BY ordinal_position"))
                    .isEqualTo(table.columnNames());
        }
        for (TableSpec table : Tables.POS_TABLES) {
            assertThat(columns(
                            livePos,
                            "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                                    + " AND table_name = '" + table.name() + "' ORDER BY ordinal_position"))
                    .isEqualTo(table.columnNames());
        }
        assertThat(DatabaseWriter.schemaStatements(Database.SHOP, "constraints"))
                .isNotEmpty();
    }

    @Test
    void anUnreachableDatabaseIsReportedWithItsUrl() {
        DatabaseTarget nowhere = new DatabaseTarget("jdbc:postgresql://127.0.0.1:1/shop", "cdp", "cdp");
        assertThatThrownBy(() -> new DatabaseWriter(Database.SHOP, nowhere))
                .isInstanceOf(DemoWorldException.class)
                .hasMessageContaining("Cannot connect in the shop database at jdbc:postgresql://127.0.0.1:1/shop")
                .extracting(e -> ((DemoWorldException) e).code())
                .isEqualTo(DemoWorldErrorCode.DATABASE_FAILED);
    }

    private static Connection connect(DatabaseTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
    }

    private static List<String> dump(DatabaseTarget target, TableSpec table) throws SQLException {
        String key = table.columnNames().subList(0, table.keyColumns()).stream().collect(Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(target);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table.name() + " ORDER BY " + key)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static Set<String> ids(DatabaseTarget target, String sql) throws SQLException {
        return new HashSet<>(columns(target, sql));
    }

    private static List<String> columns(DatabaseTarget target, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(target);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static Set<String> truthIds(List<Map<String, String>> records, String source) {
        return records.stream()
                .filter(r -> r.get("source").equals(source))
                .map(r -> r.get("record_id"))
                .collect(Collectors.toSet());
    }
}
