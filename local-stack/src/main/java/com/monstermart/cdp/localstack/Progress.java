package com.monstermart.cdp.localstack;

/** Where a long-running stack command reports what it is doing. */
@FunctionalInterface
public interface Progress {
    void report(String line);

    Progress SILENT = line -> {};
}
