package org.ipdesk.ui.main;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Keeps the window's {@link TreeView} in step with the view model: rebuilds it from the visible rows (keeping what
 * the user collapsed), mirrors the selection both ways, and scrolls the selected row into view. Part of
 * {@link MainView}.
 */
final class NetworkTreePane {

    private final TreeView<TreeRow> networkTree;
    private final MainViewModel viewModel;
    /** Keys of the tree rows the user collapsed; every other row starts expanded. */
    private final Set<String> collapsed = new HashSet<>();
    private boolean rebuilding;

    NetworkTreePane(TreeView<TreeRow> networkTree, MainViewModel viewModel) {
        this.networkTree = networkTree;
        this.viewModel = viewModel;
        viewModel.tree().visibleNetworks().addListener((ListChangeListener<TreeRow>) change -> showRows());
        viewModel.selection().selectedProperty().addListener((property, before, now) -> selectInTree(now));
        networkTree.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (!rebuilding && now != null) {
                viewModel.navigation().select(now.getValue());
            }
        });
    }

    /** Rebuilds the tree from the view model's rows, keeping what the user collapsed and the selection. */
    void showRows() {
        rebuilding = true;
        try {
            networkTree.getRoot().getChildren().setAll(
                    viewModel.tree().visibleNetworks().stream().map(this::item).toList());
        } finally {
            rebuilding = false;
        }
        selectInTree(viewModel.selection().selectedProperty().get());
    }

    private TreeItem<TreeRow> item(TreeRow row) {
        TreeItem<TreeRow> item = new TreeItem<>(row);
        item.getChildren().setAll(row.children().stream().map(this::item).toList());
        boolean filtering = !viewModel.tree().filterProperty().get().isBlank();
        item.setExpanded(filtering || !collapsed.contains(row.key()));
        item.expandedProperty().addListener((property, before, now) -> {
            if (!rebuilding && !filtering) {
                if (now) {
                    collapsed.remove(row.key());
                } else {
                    collapsed.add(row.key());
                }
            }
        });
        return item;
    }

    private void selectInTree(TreeRow row) {
        TreeItem<TreeRow> current = networkTree.getSelectionModel().getSelectedItem();
        if (row == null) {
            if (current != null) {
                rebuilding = true;
                networkTree.getSelectionModel().clearSelection();
                rebuilding = false;
            }
            return;
        }
        if (current != null && current.getValue() != null && current.getValue().key().equals(row.key())) {
            return;
        }
        find(networkTree.getRoot(), row.key()).ifPresent(item -> {
            rebuilding = true;
            try {
                for (TreeItem<TreeRow> up = item.getParent(); up != null; up = up.getParent()) {
                    up.setExpanded(true);
                }
                networkTree.getSelectionModel().select(item);
                int index = networkTree.getRow(item);
                if (index >= 0) {
                    networkTree.scrollTo(Math.max(0, index - 3));
                }
            } finally {
                rebuilding = false;
            }
        });
    }

    private static Optional<TreeItem<TreeRow>> find(TreeItem<TreeRow> parent, String key) {
        for (TreeItem<TreeRow> child : parent.getChildren()) {
            if (child.getValue() != null && child.getValue().key().equals(key)) {
                return Optional.of(child);
            }
            Optional<TreeItem<TreeRow>> inside = find(child, key);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }
}
