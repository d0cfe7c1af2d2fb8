package com.monstermart.cdp.demoworld;

/** Told what the generator is doing, for a progress bar. */
public interface ProgressListener {
    /** A new phase starts; {@code total} units of work, or 0 when unknown. */
    void phase(String name, long total);

    /** Units done in the current phase so far. */
    void advance(long done);

    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void phase(String name, long total) {}

        @Override
        public void advance(long done) {}
    };
}
