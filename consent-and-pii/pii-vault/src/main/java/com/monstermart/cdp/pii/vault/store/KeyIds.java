package com.monstermart.cdp.pii.vault.store;

import com.monstermart.cdp.pii.vault.api.KeyId;

/**
 * Key ids from a counter: the counter value goes through a fixed bijection of 64-bit values (the SplitMix64 finaliser)
 * so that ids are unique without an index and do not show creation order or count in ciphertexts.
 */
final class KeyIds {
    private KeyIds() {}

    static KeyId fromCounter(long counter) {
        long z = counter;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return new KeyId(z ^ (z >>> 31));
    }
}
