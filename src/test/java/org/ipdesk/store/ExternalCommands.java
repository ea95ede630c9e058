package org.ipdesk.store;

import java.io.IOException;

/** Runs a program of the machine (mkfifo, mknod) for tests that need one; shared by the output-target tests. */
public final class ExternalCommands {
    private ExternalCommands() {
    }

    /** Runs {@code command}, reads and drops its output; true when it ran and exited with 0. */
    public static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
