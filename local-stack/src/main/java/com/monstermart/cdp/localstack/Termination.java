package com.monstermart.cdp.localstack;

import java.time.Duration;
import java.util.List;
import sun.misc.Signal;

/**
 * Makes a command-line JVM end when it is told to (SIGTERM from {@code timeout} or CI, SIGINT from Ctrl-C, SIGHUP
 * when the terminal closes), even when something in it is stuck.
 *
 * <p>The JVM's own handling runs the shutdown hooks and waits for them for ever; a hook that needs a lock held by a
 * stuck thread (the JDK's logging clean-up does) then keeps the process alive after the signal. Here the signal
 * starts the usual orderly exit and, should that not finish within a grace period, halts the JVM.
 */
public final class Termination {
    /** How long shutdown hooks get before the JVM is halted. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

    private Termination() {}

    /** Installs the handlers; call first thing in {@code main}. */
    public static void exitPromptlyOnSignals() {
        for (String name : SIGNALS) {
            Signal.handle(new Signal(name), signal -> exit(128 + signal.getNumber()));
        }
    }

    /** Leaves Ctrl-C to a child process in the foreground (the Trino CLI) while it runs; restored by the returned handle. */
    public static AutoCloseable ignoreInterruptsWhile() {
        Signal interrupt = new Signal("INT");
        sun.misc.SignalHandler previous = Signal.handle(interrupt, sun.misc.SignalHandler.SIG_IGN);
        return () -> Signal.handle(interrupt, previous);
    }

    private static void exit(int status) {
        Thread.ofPlatform().daemon().name("cdp-halt-after-grace").start(() -> {
            try {
                Thread.sleep(GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(status);
        });
        // On a thread of its own: System.exit never returns, and the signal dispatcher must stay free.
        Thread.ofPlatform().name("cdp-exit").start(() -> System.exit(status));
    }
}
