package org.ipdesk.observe;

/**
 * Something in a file that could not be read, named by its line so the admin can find it: "line 12: 'lease
 * 10.0.0.300 {' is not an IPv4 address". Reading goes on after a problem; only what that line said is left out.
 *
 * @param line the line it is on, counted from 1; 0 when it concerns the file as a whole
 */
public record Problem(long line, String message) {
    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
