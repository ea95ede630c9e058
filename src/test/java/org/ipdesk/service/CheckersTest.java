package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing checker skips a test with the Debian package's name, and fails it under CI=true. */
class CheckersTest {
    @Test
    void aMissingCheckerNamesItsPackage() {
        Throwable thrown = catchThrowable(() -> Checkers.find("ipdesk-no-such-checker", "some-debian-package"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(thrown).isInstanceOf(AssertionFailedError.class);
        } else {
            assertThat(thrown).isInstanceOf(TestAbortedException.class);
        }
        assertThat(thrown).hasMessageContaining("ipdesk-no-such-checker is not installed (Debian package "
                + "some-debian-package)");
    }

    @Test
    void anInstalledProgramIsFoundOnThePath() {
        assertThat(Checkers.find("sh", "dash")).isExecutable();
    }
}
