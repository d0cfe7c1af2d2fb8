package com.monstermart.cdp.ingestion.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes records. {@code auto}: plain ASCII as is, valid UTF-8 as UTF-8, anything else as Windows-1252 (the usual
 * encoding of spreadsheet exports), decided per record, so one file may mix them.
 */
final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Charset fixed;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** @param fixed the encoding, or null for auto */
    TextDecoder(Charset fixed) {
        this.fixed = fixed;
    }

    String decode(byte[] bytes, int start, int length) {
        if (fixed != null) {
            return new String(bytes, start, length, fixed);
        }
        boolean ascii = true;
        for (int i = start, end = start + length; i < end; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, start, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, length, WINDOWS_1252);
        }
    }
}
