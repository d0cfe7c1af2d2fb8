package com.monstermart.cdp.demoworld.core;

/** Whether a visitor's browser sends Global Privacy Control ({@code Sec-GPC: 1}). */
public enum Privacy {
    DEFAULT,
    GLOBAL_PRIVACY_CONTROL
}
