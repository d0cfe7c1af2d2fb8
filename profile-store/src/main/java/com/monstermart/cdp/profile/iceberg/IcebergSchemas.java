package com.monstermart.cdp.profile.iceberg;

import com.monstermart.cdp.profile.core.Column;
import com.monstermart.cdp.profile.core.ColumnType;
import com.monstermart.cdp.profile.core.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Iceberg schemas and partition specs of the store's table definitions, and their evolution. */
public final class IcebergSchemas {
    private IcebergSchemas() {}

    public static Type type(ColumnType type) {
        return switch (type) {
            case STRING -> Types.StringType.get();
            case INT -> Types.IntegerType.get();
            case LONG -> Types.LongType.get();
            case BOOLEAN -> Types.BooleanType.get();
            case DECIMAL -> Types.DecimalType.of(ColumnType.DECIMAL_PRECISION, ColumnType.DECIMAL_SCALE);
            case TIMESTAMPTZ -> Types.TimestampType.withZone();
            case DATE -> Types.DateType.get();
        };
    }

    /** The schema of a new table: field ids 1..n in column order. */
    public static Schema schema(TableDefinition table) {
        List<Types.NestedField> fields = new ArrayList<>();
        int id = 1;
        for (Column column : table.columns()) {
            fields.add(
                    column.isRequired()
                            ? Types.NestedField.required(id, column.name(), type(column.type()), column.doc())
                            : Types.NestedField.optional(id, column.name(), type(column.type()), column.doc()));
            id++;
        }
        return new Schema(fields);
    }

    public static PartitionSpec spec(TableDefinition table, Schema schema) {
        PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
        for (TableDefinition.PartitionField field : table.partitioning()) {
            switch (field.transform()) {
                case IDENTITY -> builder.identity(field.column());
                case DAY -> builder.day(field.column());
                case MONTH -> builder.month(field.column());
            }
        }
        return builder.build();
    }

    /**
     * Adds the definition's columns the table lacks (optional, so existing rows read null). Columns the table has
     * beyond the definition (added by analysts) are left alone; nothing is dropped or retyped.
     *
     * @return the names of the columns added
     */
    public static List<String> addMissingColumns(Table table, TableDefinition definition) {
        Schema current = table.schema();
        List<String> added = new ArrayList<>();
        UpdateSchema update = table.updateSchema();
        for (Column column : definition.columns()) {
            if (current.findField(column.name()) == null) {
                update.addColumn(column.name(), type(column.type()), column.doc());
                added.add(column.name());
            }
        }
        if (!added.isEmpty()) {
            update.commit();
        }
        return added;
    }
}
