package org.tolk.translate;

/**
 * Tolk will not do what was asked (the file exists, the language is not one of the site's): the
 * message says why in one sentence for the user, and what to do instead. Nothing was written.
 */
public final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message);
    }
}
