package com.monstermart.cdp.ingestion.cdc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Plain Java values from Debezium's Connect structs, by logical type: timestamps become {@link Instant}s (MariaDB
 * {@code DATETIME} columns are taken as UTC), dates {@link LocalDate}s, decimals {@link BigDecimal}s.
 */
final class StructValues {
    private StructValues() {}

    static Map<String, Object> map(Struct struct) {
        if (struct == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            values.put(field.name(), value(field.schema(), struct.get(field)));
        }
        return values;
    }

    static Object value(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String name = schema.name();
        if (name != null) {
            switch (name) {
                case "io.debezium.time.ZonedTimestamp": {
                    Instant fast = com.monstermart.cdp.ingestion.core.FastTimestamps.parse(
                            (String) value, java.time.ZoneOffset.UTC);
                    return fast != null
                            ? fast
                            : OffsetDateTime.parse((String) value).toInstant();
                }
                case "io.debezium.time.Timestamp":
                    return Instant.ofEpochMilli((Long) value);
                case "io.debezium.time.MicroTimestamp": {
                    long micros = (Long) value;
                    return Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
                }
                case "io.debezium.time.NanoTimestamp": {
                    long nanos = (Long) value;
                    return Instant.ofEpochSecond(
                            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
                }
                case "io.debezium.time.Date":
                    return LocalDate.ofEpochDay((Integer) value);
                case "io.debezium.time.Time":
                    return LocalTime.ofNanoOfDay(((Integer) value) * 1_000_000L);
                case "io.debezium.time.MicroTime":
                    return LocalTime.ofNanoOfDay(((Long) value) * 1000L);
                case "io.debezium.time.ZonedTime":
                    return value.toString();
                case "io.debezium.data.VariableScaleDecimal": {
                    Struct decimal = (Struct) value;
                    return new BigDecimal(new BigInteger(bytes(decimal.get("value"))), decimal.getInt32("scale"));
                }
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case STRUCT -> map((Struct) value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    list.add(value(schema.valueSchema(), element));
                }
                yield list;
            }
            case BYTES ->
                value instanceof BigDecimal ? value : Base64.getEncoder().encodeToString(bytes(value));
            case INT8 -> ((Byte) value).longValue();
            case INT16 -> ((Short) value).longValue();
            case INT32 -> ((Integer) value).longValue();
            case FLOAT32 -> new BigDecimal(value.toString());
            case FLOAT64 -> BigDecimal.valueOf((Double) value);
            default -> value;
        };
    }

    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return (byte[]) value;
    }
}
