package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.core.Times;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How each kind of output file is named, headed, encoded and compressed. */
public final class FileLayouts {
    private FileLayouts() {}

    public static final String REES46_HEADER =
            "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";
    public static final String ELECTRONICS_HEADER =
            "event_time,order_id,product_id,category_id,category_code,brand,price,user_id";
    public static final String RETAIL_HEADER =
            "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";
    public static final String TICKETS_HEADER =
            "ticket_id,created_at,channel,customer_name,email,phone,order_number,category,subject,status,resolved_at";

    /** A layout with one file per month ({@code prefix-yyyy-MM.ext}), or one file for the live window. */
    public static SortedFileSink.Layout monthly(
            String prefix,
            String extension,
            String header,
            Compression compression,
            String latin1File,
            String liveSuffix) {
        return new SortedFileSink.Layout() {
            private long day = Long.MIN_VALUE;
            private String name;

            @Override
            public String fileName(long time) {
                if (liveSuffix != null) {
                    return prefix + "-live-" + liveSuffix + extension;
                }
                if (Math.floorDiv(time, Times.DAY) != day) {
                    day = Math.floorDiv(time, Times.DAY);
                    name = prefix + "-" + Times.date(time).toString().substring(0, 7) + extension;
                }
                return name;
            }

            @Override
            public String header() {
                return header;
            }

            @Override
            public Charset charset(String fileName) {
                return fileName.equals(latin1File) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            }

            @Override
            public boolean gzip() {
                return compression == Compression.GZIP;
            }
        };
    }

    /** How a file is compressed. */
    public enum Compression {
        NONE,
        GZIP
    }

    /** Segment events: NDJSON, one file per day ({@code segment-events-yyyy-MM-dd.ndjson}). */
    public static SortedFileSink.Layout segment(String liveSuffix) {
        return new SortedFileSink.Layout() {
            private long day = Long.MIN_VALUE;
            private String name;

            @Override
            public String fileName(long time) {
                if (liveSuffix != null) {
                    return "segment-events-live-" + liveSuffix + ".ndjson";
                }
                if (Math.floorDiv(time, Times.DAY) != day) {
                    day = Math.floorDiv(time, Times.DAY);
                    name = "segment-events-" + Times.date(time) + ".ndjson";
                }
                return name;
            }

            @Override
            public String header() {
                return null;
            }

            @Override
            public Charset charset(String fileName) {
                return StandardCharsets.UTF_8;
            }

            @Override
            public boolean gzip() {
                return false;
            }
        };
    }

    /** {@code 20261031T180000Z}: names the live window's files by its start. */
    public static String stamp(long time) {
        return Times.iso(time).substring(0, 19).replace("-", "").replace(":", "") + "Z";
    }
}
