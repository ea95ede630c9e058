package org.ipdesk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs each job at once on the calling thread: view model tests without the JavaFX toolkit. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
