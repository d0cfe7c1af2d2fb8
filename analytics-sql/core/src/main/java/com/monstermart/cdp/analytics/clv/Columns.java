package com.monstermart.cdp.analytics.clv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds columns in a header by name (case-insensitive) or by 1-based number. */
final class Columns {
    private final List<String> header;
    private final String fileName;

    /** @param header the header's fields, or empty when the file has none (columns are then numbers) */
    Columns(List<String> header, String fileName) {
        this.header = header;
        this.fileName = fileName;
    }

    /** The 0-based index of the column: the requested one, else the first candidate present. */
    int require(String role, Optional<String> requested, List<String> candidates) {
        return find(role, requested, candidates)
                .orElseThrow(() -> ClvException.invalid(
                        "%s: no %s column (looked for %s%s); name it with the matching --%s-column option",
                        fileName,
                        role,
                        requested.map(name -> "'" + name + "'").orElse(String.join(", ", candidates)),
                        header.isEmpty() ? " in a file without header: use column numbers" : " in " + header,
                        role.replace(' ', '-')));
    }

    Optional<Integer> find(String role, Optional<String> requested, List<String> candidates) {
        if (requested.isPresent()) {
            String name = requested.get().trim();
            if (name.matches("[0-9]+")) {
                int index = Integer.parseInt(name) - 1;
                if (index < 0) {
                    throw ClvException.invalid("column numbers start at 1, was %s for the %s column", name, role);
                }
                return Optional.of(index);
            }
            int index = indexOf(name);
            if (index < 0) {
                throw ClvException.invalid("%s: %s column '%s' is not in the header %s", fileName, role, name, header);
            }
            return Optional.of(index);
        }
        for (String candidate : candidates) {
            int index = indexOf(candidate);
            if (index >= 0) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    boolean has(List<String> candidates) {
        return candidates.stream().anyMatch(candidate -> indexOf(candidate) >= 0);
    }

    private int indexOf(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
