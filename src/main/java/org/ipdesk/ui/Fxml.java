package org.ipdesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view with a controller made beforehand (one that takes its view model in its constructor). */
public final class Fxml {

    private Fxml() {
    }

    /**
     * Loads {@code resource} (a classpath path such as {@code /fxml/subnet/SubnetHeader.fxml}) with
     * {@code controller} as its {@code fx:controller}, and returns the root.
     */
    public static Parent load(String resource, Object controller) {
        URL fxml = Objects.requireNonNull(Fxml.class.getResource(resource), resource);
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            throw new IllegalArgumentException(resource + " asks for controller " + type.getName() + ", not "
                    + controller.getClass().getName());
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
