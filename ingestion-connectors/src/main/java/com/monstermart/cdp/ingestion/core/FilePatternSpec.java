package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How files matching a name pattern are read and mapped. A {@code preset} supplies every other field; fields set
 * here override it.
 *
 * @param name the pattern's name (default: the glob); the mapping's "table"
 * @param glob file name glob, e.g. {@code rees46-events-*.csv.gz}
 * @param preset {@code rees46-events}, {@code electronics-purchases} or {@code online-retail-ii}
 * @param format {@code csv}, {@code tsv}, {@code json} (an array or one object) or {@code ndjson}; default from the
 *     file name; {@code .gz} means gzip
 * @param encoding {@code auto} (UTF-8, else Windows-1252 per row; default), {@code utf-8}, {@code windows-1252},
 *     {@code iso-8859-1}
 * @param delimiter CSV delimiter (default {@code ,}; tab for tsv)
 * @param header whether the first line names the columns (default true)
 * @param columns column names when there is no header
 * @param nullValues texts meaning "no value" (default: empty, {@code NA}, {@code N/A}, {@code null}, {@code NULL},
 *     {@code NaN}, {@code nan}, {@code None})
 * @param decimalSeparator {@code auto} (default: a lone comma is decimal), {@code .} or {@code ,}
 * @param timestampFormats patterns tried in order by the {@code timestamp} filter ({@code java.time} syntax; ISO
 *     8601 is always tried first)
 * @param timezone zone of timestamps without offset (default UTC)
 * @param group combine consecutive rows with the same key into one event (orders with one row per item)
 * @param events the mapping rules
 * @param quality data-quality rules for this pattern, on top of the source's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilePatternSpec(
        String name,
        String glob,
        String preset,
        String format,
        String encoding,
        String delimiter,
        Boolean header,
        List<String> columns,
        List<String> nullValues,
        String decimalSeparator,
        List<String> timestampFormats,
        String timezone,
        GroupSpec group,
        List<EventRuleSpec> events,
        List<QualityRuleSpec> quality) {
    public FilePatternSpec {
        name = name == null || name.isBlank() ? glob : name;
    }

    /** This pattern's fields over a preset's: set fields win. */
    public FilePatternSpec over(FilePatternSpec preset) {
        return new FilePatternSpec(
                name != null ? name : preset.name != null ? preset.name : this.preset,
                glob != null ? glob : preset.glob,
                this.preset,
                format != null ? format : preset.format,
                encoding != null ? encoding : preset.encoding,
                delimiter != null ? delimiter : preset.delimiter,
                header != null ? header : preset.header,
                columns != null ? columns : preset.columns,
                nullValues != null ? nullValues : preset.nullValues,
                decimalSeparator != null ? decimalSeparator : preset.decimalSeparator,
                timestampFormats != null ? timestampFormats : preset.timestampFormats,
                timezone != null ? timezone : preset.timezone,
                group != null ? group : preset.group,
                events != null ? events : preset.events,
                quality != null ? quality : preset.quality);
    }
}
