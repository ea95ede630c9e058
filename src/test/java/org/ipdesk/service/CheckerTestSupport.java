package org.ipdesk.service;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.store.Location;

/** The two databases the checker tests export: the sample database and the hand-made lab. */
final class CheckerTestSupport {
    private CheckerTestSupport() {
    }

    static Path sample(Path dir) {
        Path file = dir.resolve("sample.db");
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            SampleData.create(allocator);
        }
        return file;
    }

    /** Prepares {@code target} for everything in {@code db} and writes it into {@code folder}. */
    static ServiceOutput export(Path db, ServiceTarget target, Path folder) throws Exception {
        return export(db, target, ServiceScope.everything(), folder);
    }

    /** Prepares {@code target} for {@code scope} in {@code db} and writes it into {@code folder}. */
    static ServiceOutput export(Path db, ServiceTarget target, ServiceScope scope, Path folder) throws Exception {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            ServiceOutput output = ServiceExports.prepare(allocator, target, scope, ServiceOptions.defaults());
            java.nio.file.Files.createDirectories(folder);
            ServiceExports.write(output, folder);
            return output;
        }
    }
}
