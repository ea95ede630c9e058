package org.ipdesk.ui;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of view-model tests on the seeded sample ({@link SampleDatabase}): a new database holding it, an allocator
 * open on it, and an executor that runs each job at once on the test thread. The database is a file in a temporary
 * folder, unless the test class runs on each engine ({@code @ParameterizedClass @EnumSource(Engine.class)} with an
 * {@code @Parameter Engine} field, returned by {@link #engine()}).
 */
public abstract class SeededSample {

    @TempDir
    protected Path dir;

    /** Where the sample is: a file, or a team database on the tests' server. */
    protected Location database;
    protected Allocator allocator;
    protected final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();

    /** The engine the sample is written to: SQLite, unless a test class parameterised over engines says otherwise. */
    protected Engine engine() {
        return Engine.SQLITE;
    }

    @BeforeEach
    void seedSample() {
        database = SampleDatabase.fresh(engine(), dir);
        allocator = Allocator.open(database);
    }

    @AfterEach
    void closeSample() {
        allocator.close();
    }
}
