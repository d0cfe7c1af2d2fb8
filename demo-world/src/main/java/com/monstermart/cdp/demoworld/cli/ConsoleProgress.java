package com.monstermart.cdp.demoworld.cli;

import com.monstermart.cdp.demoworld.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on the terminal (standard error). */
final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private String phase;
    private long total;
    private long phaseStarted;
    private long lastDrawn;
    private boolean open;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void phase(String name, long total) {
        finishLine();
        this.phase = name;
        this.total = total;
        this.phaseStarted = System.nanoTime();
        this.lastDrawn = 0;
        if (total == 0) {
            out.println(name + " ...");
        } else {
            draw(0);
        }
    }

    @Override
    public synchronized void advance(long done) {
        long now = System.nanoTime();
        if (total > 0 && (now - lastDrawn > 200_000_000L || done >= total)) {
            lastDrawn = now;
            draw(done);
        }
    }

    private void draw(long done) {
        double fraction = total == 0 ? 0 : Math.min(1.0, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        long seconds = (System.nanoTime() - phaseStarted) / 1_000_000_000L;
        out.print(String.format(
                Locale.ROOT,
                "\r%-34s [%s%s] %3d%% %,d/%,d %ds",
                phase,
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                (int) (fraction * 100),
                done,
                total,
                seconds));
        out.flush();
        open = true;
    }

    synchronized void finishLine() {
        if (open) {
            out.println();
            open = false;
        }
    }
}
