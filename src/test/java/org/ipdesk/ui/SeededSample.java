package org.ipdesk.ui;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of view-model tests on the seeded sample ({@link SampleDatabase}): a temporary file, an allocator
 * open on it, and an executor that runs each job at once on the test thread.
 */
public abstract class SeededSample {

    @TempDir
    protected Path dir;

    protected Path file;
    protected Allocator allocator;
    protected final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();

    @BeforeEach
    void seedSample() {
        file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
    }

    @AfterEach
    void closeSample() {
        allocator.close();
    }
}
