package org.tolk.serve;

import java.util.Map;
import java.util.Optional;

/**
 * One rendering of the whole site, as the preview serves it.
 *
 * @param number counts builds from 1; browsers compare it with the number their page was served from
 * @param files  by output path ({@code nl/2024/05/slug/index.html}), as the build's sink received them
 * @param good   false when the build that made it had errors: then some pages may be missing or old
 */
record Generation(long number, Map<String, ServedFile> files, boolean good) {

    Optional<ServedFile> file(String outputPath) {
        return Optional.ofNullable(files.get(outputPath));
    }
}
