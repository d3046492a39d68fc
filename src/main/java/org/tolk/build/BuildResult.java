package org.tolk.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.tolk.check.Problem;

/**
 * What a build did.
 *
 * @param problems      every problem found, sorted
 * @param pagesPerLanguage HTML pages written per language key ("" for language-neutral pages)
 * @param files         all files written (pages, feeds, assets, copied content files)
 * @param rendered      files rendered or copied anew; the others were unchanged and kept from the previous build
 * @param written       true if the output folder now holds this build
 */
public record BuildResult(List<Problem> problems, Map<String, Integer> pagesPerLanguage, int files, int rendered,
                          Duration duration, Path output, boolean written) {

    public boolean failed() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    public int htmlPages() {
        return pagesPerLanguage.values().stream().mapToInt(Integer::intValue).sum();
    }
}
