package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

/** The profile store's one exception type; messages name what failed and what to do, never personal data. */
public final class ProfileStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProfileStoreErrorCode code;

    public ProfileStoreException(ProfileStoreErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public ProfileStoreException(ProfileStoreErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ProfileStoreErrorCode code() {
        return code;
    }
}
