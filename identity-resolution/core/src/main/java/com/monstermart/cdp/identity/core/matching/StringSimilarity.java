package com.monstermart.cdp.identity.core.matching;

/** String comparators used by the matcher: Jaro–Winkler similarity and (bounded) Levenshtein distance. */
public final class StringSimilarity {
    private StringSimilarity() {}

    /** Jaro similarity in [0, 1]. */
    public static double jaro(String a, String b) {
        if (a.equals(b)) {
            return a.isEmpty() ? 0 : 1;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && b.charAt(j) == c) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    }

    /** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 characters). */
    public static double jaroWinkler(String a, String b) {
        double jaro = jaro(a, b);
        int prefix = 0;
        int limit = Math.min(4, Math.min(a.length(), b.length()));
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /** Levenshtein edit distance. */
    public static int levenshtein(String a, String b) {
        return levenshtein(a, b, Integer.MAX_VALUE);
    }

    /** Levenshtein distance, or {@code max + 1} as soon as it is known to exceed {@code max}. */
    public static int levenshtein(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        int beyond = max == Integer.MAX_VALUE ? max : max + 1;
        if (Math.abs(la - lb) > max) {
            return beyond;
        }
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            current[0] = i;
            int rowMin = current[0];
            char c = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                int cost = c == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return beyond;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[lb] > max ? beyond : previous[lb];
    }

    /** American Soundex code of the letters of a word ("" when it has none): a phonetic blocking key. */
    public static String soundex(String word) {
        StringBuilder out = new StringBuilder(4);
        char last = 0;
        for (int i = 0; i < word.length() && out.length() < 4; i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c < 'a' || c > 'z') {
                continue;
            }
            char code = code(c);
            if (out.isEmpty()) {
                out.append(Character.toUpperCase(c));
                last = code;
            } else if (code != '0' && code != last) {
                out.append(code);
                last = code;
            } else if (c != 'h' && c != 'w') {
                last = code;
            }
        }
        if (out.isEmpty()) {
            return "";
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }

    private static char code(char c) {
        return switch (c) {
            case 'b', 'f', 'p', 'v' -> '1';
            case 'c', 'g', 'j', 'k', 'q', 's', 'x', 'z' -> '2';
            case 'd', 't' -> '3';
            case 'l' -> '4';
            case 'm', 'n' -> '5';
            case 'r' -> '6';
            default -> '0';
        };
    }
}
