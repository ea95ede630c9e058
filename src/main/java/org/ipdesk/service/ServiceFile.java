package org.ipdesk.service;

import java.util.Objects;

/** One generated file: its name (in the output folder, or the name of the one file) and its whole content. */
public record ServiceFile(String name, String content) {
    public ServiceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
