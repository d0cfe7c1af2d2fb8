package com.monstermart.cdp.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.localstack.StackEndpoints;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java and Trino share the Iceberg JDBC catalog: a format-v2 table written from Java is read, aggregated and
 * row-deleted through Trino over JDBC, and a table Trino creates is read back from Java.
 */
@WithCdpStack("trino")
class IcebergThroughTrinoTest {
    private static final Schema ORDERS = new Schema(
            Types.NestedField.required(1, "order_id", Types.LongType.get()),
            Types.NestedField.required(2, "customer", Types.StringType.get()),
            Types.NestedField.required(3, "amount", Types.DoubleType.get()));

    private static JdbcCatalog catalog;
    private static String schema;
    private static Connection trino;

    @BeforeAll
    static void connect(CdpStack stack) throws SQLException {
        StackEndpoints endpoints = stack.endpoints();
        schema = stack.createTrinoSchema("iceberg_proof");
        catalog = catalog(endpoints);
        trino = stack.trino(stack.operations(), schema);
    }

    @AfterAll
    static void close() throws Exception {
        trino.close();
        catalog.close();
    }

    static JdbcCatalog catalog(StackEndpoints endpoints) {
        Map<String, String> properties = new HashMap<>();
        properties.put(CatalogProperties.URI, endpoints.iceberg().jdbcUrl());
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, endpoints.iceberg().warehouse());
        properties.put("jdbc.user", endpoints.postgres().user());
        properties.put("jdbc.password", endpoints.postgres().password());
        // Trino's layout of the catalog tables (Iceberg's Java default, V0, lacks the record type column).
        properties.put("jdbc.schema-version", "V1");
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.setConf(new org.apache.hadoop.conf.Configuration());
        catalog.initialize(endpoints.iceberg().catalogName(), properties);
        return catalog;
    }

    @Test
    void tableWrittenFromJavaIsQueriedAndRowDeletedThroughTrino() throws Exception {
        TableIdentifier identifier = TableIdentifier.of(Namespace.of(schema), "orders");
        Table table = catalog.createTable(
                identifier, ORDERS, PartitionSpec.unpartitioned(), Map.of(TableProperties.FORMAT_VERSION, "2"));
        append(
                table,
                List.of(
                        order(1, "ghoul", 10.0),
                        order(2, "ghoul", 5.5),
                        order(3, "yeti", 42.0),
                        order(4, "kraken", 7.25)));

        assertThat(queryLongs("SELECT count(*) FROM orders")).containsExactly(4L);
        assertThat(
                        queryStrings(
                                "SELECT customer || '=' || format('%.2f', sum(amount)) FROM orders GROUP BY customer ORDER BY customer"))
                .containsExactly("ghoul=15.50", "kraken=7.25", "yeti=42.00");

        try (Statement statement = trino.createStatement()) {
            assertThat(statement.executeUpdate("DELETE FROM orders WHERE customer = 'ghoul'"))
                    .isEqualTo(2);
        }
        assertThat(queryLongs("SELECT order_id FROM orders ORDER BY order_id")).containsExactly(3L, 4L);

        table.refresh();
        List<Long> seenByJava = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            records.forEach(record -> seenByJava.add((Long) record.getField("order_id")));
        }
        assertThat(seenByJava).containsExactlyInAnyOrder(3L, 4L);
    }

    @Test
    void tableCreatedByTrinoIsReadFromJava() throws Exception {
        try (Statement statement = trino.createStatement()) {
            statement.executeUpdate(
                    "CREATE TABLE monsters AS SELECT * FROM (VALUES (1, 'Nessie'), (2, 'Bigfoot')) AS t (id, name)");
        }
        Table table = catalog.loadTable(TableIdentifier.of(Namespace.of(schema), "monsters"));
        assertThat(((BaseTable) table).operations().current().formatVersion()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            records.forEach(record -> names.add(record.getField("name").toString()));
        }
        assertThat(names).containsExactlyInAnyOrder("Nessie", "Bigfoot");
    }

    private static Record order(long id, String customer, double amount) {
        GenericRecord record = GenericRecord.create(ORDERS);
        record.setField("order_id", id);
        record.setField("customer", customer);
        record.setField("amount", amount);
        return record;
    }

    private static void append(Table table, List<Record> records) throws IOException {
        String location = table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
        DataWriter<Record> writer = new GenericAppenderFactory(table.schema(), table.spec())
                .newDataWriter(
                        EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(location)),
                        FileFormat.PARQUET,
                        null);
        try (writer) {
            records.forEach(writer::write);
        }
        DataFile file = writer.toDataFile();
        table.newAppend().appendFile(file).commit();
    }

    private static List<Long> queryLongs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getLong(1));
            }
        }
        return values;
    }

    private static List<String> queryStrings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
