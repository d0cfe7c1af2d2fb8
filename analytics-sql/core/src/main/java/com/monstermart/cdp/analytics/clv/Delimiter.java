package com.monstermart.cdp.analytics.clv;

/**
 * How the fields of a line are separated: one character (CSV-style double quotes allowed around a field) or runs of
 * white space (fixed-width text such as CDNOW's).
 *
 * @param character the separator; ignored for white space
 * @param whitespace fields are separated by runs of spaces and tabs
 */
public record Delimiter(char character, boolean whitespace) {
    public static final Delimiter COMMA = new Delimiter(',', false);
    public static final Delimiter WHITESPACE = new Delimiter(' ', true);

    /** {@code whitespace}, {@code tab}, or a single character such as {@code ,} or {@code ;}. */
    public static Delimiter parse(String text) {
        return switch (text) {
            case "whitespace", "space" -> WHITESPACE;
            case "tab", "\\t", "\t" -> new Delimiter('\t', false);
            default -> {
                if (text.length() != 1 || text.charAt(0) == '"') {
                    throw ClvException.invalid(
                            "delimiter must be one character, 'tab' or 'whitespace', was '%s'", text);
                }
                yield new Delimiter(text.charAt(0), false);
            }
        };
    }
}
