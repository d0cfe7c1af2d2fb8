package com.monstermart.cdp.pii.vault;

import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.nio.charset.StandardCharsets;

/**
 * The associated data of a field ciphertext (never stored):
 *
 * <pre>
 * 0x01 | key id (8, big-endian) | u16 length | key owner's subject id (UTF-8) | u16 length | table | u16 length | column
 * </pre>
 *
 * Lengths make the encoding unambiguous; the version and key id bind the header.
 */
final class AssociatedData {
    private AssociatedData() {}

    static byte[] prefix(KeyId keyId, SubjectId owner) {
        byte[] subject = owner.value().getBytes(StandardCharsets.UTF_8);
        byte[] prefix = new byte[1 + 8 + 2 + subject.length];
        prefix[0] = Ciphertexts.VERSION_1;
        writeLong(prefix, 1, keyId.value());
        writeShort(prefix, 9, subject.length);
        System.arraycopy(subject, 0, prefix, 11, subject.length);
        return prefix;
    }

    static byte[] of(byte[] prefix, FieldRef field) {
        byte[] table = field.table().getBytes(StandardCharsets.UTF_8);
        byte[] column = field.column().getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[prefix.length + 2 + table.length + 2 + column.length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        int offset = prefix.length;
        writeShort(data, offset, table.length);
        System.arraycopy(table, 0, data, offset + 2, table.length);
        offset += 2 + table.length;
        writeShort(data, offset, column.length);
        System.arraycopy(column, 0, data, offset + 2, column.length);
        return data;
    }

    static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static void writeShort(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }
}
