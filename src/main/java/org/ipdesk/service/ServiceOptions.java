package org.ipdesk.service;

/**
 * What an export may be told beyond its target and scope. Empty for now; settings such as a zone name are added as
 * components, with {@link #defaults()} giving the value every caller gets when it says nothing.
 */
public record ServiceOptions() {

    /** The options when nothing is chosen. */
    public static ServiceOptions defaults() {
        return new ServiceOptions();
    }
}
