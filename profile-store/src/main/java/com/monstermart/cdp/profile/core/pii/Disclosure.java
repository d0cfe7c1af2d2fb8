package com.monstermart.cdp.profile.core.pii;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the profile API shows personal values: every vault ciphertext in a JSON-like value is either masked or, for a
 * caller allowed to see plaintext, decrypted through a {@link FieldReader} (which reports each decryption, with
 * caller and purpose, to the audit hook). Values of erased subjects read {@link #ERASED}.
 *
 * <p>One instance per response: it remembers whether anything was erased or could not be decrypted.
 */
public final class Disclosure {
    /** What a masked value reads. */
    public static final String MASKED = "••••••";
    /** What a value of an erased subject reads. */
    public static final String ERASED = "[erased]";
    /** What a value that failed to decrypt reads (the failure is in the audit log). */
    public static final String UNREADABLE = "[unreadable]";

    private final Optional<FieldReader> reader;
    private final PiiFields fields;
    private boolean erasedSeen;
    private boolean revealed;

    private Disclosure(Optional<FieldReader> reader, PiiFields fields) {
        this.reader = reader;
        this.fields = requireNonNull(fields, "fields is null");
    }

    /** Masks every ciphertext. */
    public static Disclosure masking(PiiFields fields) {
        return new Disclosure(Optional.empty(), fields);
    }

    /** Decrypts every ciphertext through {@code reader}. */
    public static Disclosure revealing(FieldReader reader, PiiFields fields) {
        return new Disclosure(Optional.of(requireNonNull(reader, "reader is null")), fields);
    }

    public boolean revealsPlaintext() {
        return reader.isPresent();
    }

    /** Whether some value belonged to an erased subject. */
    public boolean erasedSeen() {
        return erasedSeen;
    }

    /** Whether some value was decrypted. */
    public boolean revealed() {
        return revealed;
    }

    /**
     * The value as the caller may see it.
     *
     * @param subject the data subject the value belongs to (a profile id)
     * @param path the value's JSON path in the resolved event, e.g. {@code traits.email}
     */
    public Object show(String subject, String path, Object value) {
        return switch (value) {
            case null -> null;
            case String text when Ciphertexts.looksLikeCiphertext(text) -> text(subject, path, text);
            case Map<?, ?> map -> {
                Map<String, Object> shown = new LinkedHashMap<>();
                map.forEach((key, element) -> shown.put((String) key, show(subject, path + "." + key, element)));
                yield shown;
            }
            case List<?> list -> {
                List<Object> shown = new ArrayList<>(list.size());
                list.forEach(element -> shown.add(show(subject, path, element)));
                yield shown;
            }
            default -> value;
        };
    }

    private String text(String subject, String path, String ciphertext) {
        if (reader.isEmpty()) {
            return MASKED;
        }
        try {
            Decrypted decrypted = reader.get().decrypt(SubjectId.of(subject), fields.field(path), ciphertext);
            if (decrypted.erased()) {
                erasedSeen = true;
                return ERASED;
            }
            revealed = true;
            return decrypted.textOr(ERASED);
        } catch (PiiVaultException e) {
            return UNREADABLE;
        }
    }
}
