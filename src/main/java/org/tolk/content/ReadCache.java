package org.tolk.content;

import java.util.List;
import java.util.Optional;

import org.tolk.check.Problem;

/**
 * Remembers how each article file was read, so that an unchanged file is not read and parsed again.
 * An incremental build passes one in; {@link #NONE} reads everything.
 */
public interface ReadCache {

    /** The outcome of reading one article file: the article (if it is one) and the problems found. */
    record Read(Optional<Article> article, List<Problem> problems) {
    }

    /** The previous read of {@code sourcePath}, if the file is as it was then. */
    Optional<Read> previous(String sourcePath, FileState state);

    /** Called for every article file of this build, read anew or not. */
    void remember(String sourcePath, FileState state, Read read);

    ReadCache NONE = new ReadCache() {
        @Override
        public Optional<Read> previous(String sourcePath, FileState state) {
            return Optional.empty();
        }

        @Override
        public void remember(String sourcePath, FileState state, Read read) {
        }
    };
}
