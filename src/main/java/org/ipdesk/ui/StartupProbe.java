package org.ipdesk.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Scene;

/**
 * Measures how long the window takes to become usable, for the start-up benchmark
 * ({@code src/jmh/java/org/ipdesk/bench/StartupBenchmark.java}): with {@code -Dipdesk.exitWhenUsable=true}
 * the window, once its first load is done (networks in the tree, totals in the status bar) and a frame has been
 * laid out with them, prints {@code ipdesk: usable after N ms} (counted from the start of the JVM) and
 * quits. A load that fails prints {@code ipdesk: not usable: REASON} and quits with status 1.
 */
final class StartupProbe {

    static final String PROPERTY = "ipdesk.exitWhenUsable";

    private StartupProbe() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void exitWhenUsable(Scene scene, ObservableBooleanValue loading, ObservableStringValue summary,
                               ObservableStringValue error) {
        Runnable check = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (done || loading.get()) {
                    return;
                }
                if (!error.get().isEmpty()) {
                    done = true;
                    System.out.println("ipdesk: not usable: " + error.get());
                    System.out.flush();
                    System.exit(1);
                }
                if (!summary.get().isEmpty()) {
                    done = true;
                    // the next layout pass includes the rows just shown; report after it
                    scene.addPostLayoutPulseListener(new Runnable() {
                        @Override
                        public void run() {
                            scene.removePostLayoutPulseListener(this);
                            Platform.runLater(StartupProbe::report);
                        }
                    });
                    Platform.requestNextPulse();
                }
            }
        };
        loading.addListener(observable -> check.run());
        summary.addListener(observable -> check.run());
        error.addListener(observable -> check.run());
        check.run();
    }

    private static void report() {
        // from the JVM's start, in ms (the process's start time from /proc is only as precise as the boot time)
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("ipdesk: usable after " + (System.currentTimeMillis() - start) + " ms");
        System.out.flush();
        Platform.exit();
    }
}
