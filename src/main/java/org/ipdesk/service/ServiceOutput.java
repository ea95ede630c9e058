package org.ipdesk.service;

import java.util.List;
import java.util.Objects;

/**
 * What an export would write: the files (complete content) and the problems found on the way, for the user to see
 * before anything is written.
 */
public record ServiceOutput(ServiceTarget target, ServiceScope scope, List<ServiceFile> files,
                            List<ServiceProblem> problems) {
    public ServiceOutput {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scope, "scope");
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
