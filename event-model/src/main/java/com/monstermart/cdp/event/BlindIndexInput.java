package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What goes into a blind index: a label naming what is indexed and the canonical text. The keyed MAC is computed
 * over {@link #bytes()}, {@code label | 0x00 | text} in UTF-8, so the same text under two labels (an email and a
 * user id) gives two different indexes. {@link CanonicalIdentifier#blindIndexInput()} gives the input of a personal
 * identifier (label = its type's wire name); the PII vault computes the index. {@link #toString()} never shows the
 * text.
 *
 * @param label lower-case letters, digits, {@code _}, {@code -} or {@code .}; 1 to 32 characters
 * @param text the canonical text (personal data), not empty
 */
public record BlindIndexInput(String label, String text) {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_.-]{1,32}");

    public BlindIndexInput {
        requireNonNull(label, "label is null");
        requireNonNull(text, "text is null");
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("A blind index label is 1 to 32 of [a-z0-9_.-], got '" + label + "'");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("The text of a blind index input (" + label + ") is empty");
        }
    }

    /** The bytes the keyed MAC is computed over: {@code label | 0x00 | text}, UTF-8. */
    public byte[] bytes() {
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[labelBytes.length + 1 + textBytes.length];
        System.arraycopy(labelBytes, 0, input, 0, labelBytes.length);
        System.arraycopy(textBytes, 0, input, labelBytes.length + 1, textBytes.length);
        return input;
    }

    @Override
    public String toString() {
        return "BlindIndexInput[" + label + ", redacted]";
    }
}
