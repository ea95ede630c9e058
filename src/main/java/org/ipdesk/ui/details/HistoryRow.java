package org.ipdesk.ui.details;

/**
 * One change of an address, as the details pane lists it: local time ("2026-11-26 14:03"), the OS user, the
 * action in words ("allocated", "updated", "released") and what changed ("hostname web-01 → web-01b").
 */
public record HistoryRow(String time, String user, String action, String summary) {
}
