package com.monstermart.cdp.demoworld.core;

import com.monstermart.cdp.demoworld.core.Propensity.Device;

/** Plausible user agents per device type. */
final class UserAgents {
    private UserAgents() {}

    private static final String[] DESKTOP = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"
    };
    private static final String[] MOBILE = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36"
    };
    private static final String[] TABLET = {
        "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
    };
    private static final String[] APP = {"MonsterMart/4.12.0 (iOS 18.1)", "MonsterMart/4.12.0 (Android 15)"};

    static String pick(Rng rng, Device device) {
        return switch (device) {
            case DESKTOP -> rng.pick(DESKTOP);
            case MOBILE -> rng.pick(MOBILE);
            case TABLET -> rng.pick(TABLET);
            case APP -> rng.pick(APP);
        };
    }
}
