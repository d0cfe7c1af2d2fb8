package com.monstermart.cdp.ingestion.file;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV record into fields (RFC 4180: quoted fields, doubled quotes, any delimiter). */
final class Csv {
    private Csv() {}

    static List<String> split(String record, char delimiter) {
        List<String> fields = new ArrayList<>(16);
        int length = record.length();
        int index = 0;
        StringBuilder quotedField = null;
        while (true) {
            if (index < length && record.charAt(index) == '"') {
                if (quotedField == null) {
                    quotedField = new StringBuilder();
                }
                quotedField.setLength(0);
                index++;
                while (index < length) {
                    char c = record.charAt(index);
                    if (c == '"') {
                        if (index + 1 < length && record.charAt(index + 1) == '"') {
                            quotedField.append('"');
                            index += 2;
                            continue;
                        }
                        index++;
                        break;
                    }
                    quotedField.append(c);
                    index++;
                }
                int next = record.indexOf(delimiter, index);
                if (next < 0) {
                    quotedField.append(record, index, length);
                    fields.add(quotedField.toString());
                    return fields;
                }
                quotedField.append(record, index, next);
                fields.add(quotedField.toString());
                index = next + 1;
            } else {
                int next = record.indexOf(delimiter, index);
                if (next < 0) {
                    fields.add(record.substring(index));
                    return fields;
                }
                fields.add(record.substring(index, next));
                index = next + 1;
            }
        }
    }
}
