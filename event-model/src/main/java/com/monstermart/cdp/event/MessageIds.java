package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Message ids that are the same every time the same touchpoint is read, so replays are idempotent downstream.
 *
 * <p>{@link #derived} is a name-based UUID (version 5, SHA-1) of the source id and a position that identifies the
 * touchpoint within the source:
 *
 * <ul>
 *   <li>CDC: {@code <connector position (LSN or binlog file:pos)>/<table>/<primary key>/<operation>}
 *   <li>files: {@code <file fingerprint>/<line>}
 *   <li>HTTP: {@code http/<the client's messageId>} (scoped by source); without one, a random id
 * </ul>
 */
public final class MessageIds {
    /** The namespace UUID of MonsterMart CDP message ids. */
    public static final UUID NAMESPACE = UUID.fromString("5b0f3f0e-6a1d-4f55-9d1c-7c0d3c1e2a90");

    private MessageIds() {}

    /** The id of the touchpoint at {@code position} in source {@code sourceId}. */
    public static String derived(String sourceId, String position) {
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(position, "position is null");
        MessageDigest sha1 = sha1();
        sha1.update(NAMESPACE_BYTES);
        sha1.update(sourceId.getBytes(StandardCharsets.UTF_8));
        sha1.update((byte) 0);
        sha1.update(position.getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    /** A random id, for touchpoints that carry no position (an HTTP call without a messageId). */
    public static String random() {
        return UUID.randomUUID().toString();
    }

    private static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-1", e);
        }
    });
    private static final byte[] NAMESPACE_BYTES = toBytes(NAMESPACE);

    private static MessageDigest sha1() {
        MessageDigest digest = SHA1.get();
        digest.reset();
        return digest;
    }
}
