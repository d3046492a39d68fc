package org.tolk.render;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the renderer needs to skip pages whose inputs did not change: the fingerprint each output file
 * had when it was written, and which link targets each article body looked up. A page is re-rendered
 * unless its fingerprint (everything its bytes depend on) is the one recorded, so an incremental build
 * gives the same bytes as a clean one.
 */
public interface RenderCache {

    /** Mixed into every fingerprint: what every page depends on (site.yaml, templates, Tolk's version, options). */
    long globalFingerprint();

    /** The fingerprint {@code outputFile} had when it was last written, if known. */
    OptionalLong previous(String outputFile);

    /** Records the fingerprint of an output file of this build, rendered or reused. */
    void remember(String outputFile, long fingerprint);

    /** The content paths an article's body resolved links against when it was last rendered. */
    List<String> lookups(String sourcePath);

    void rememberLookups(String sourcePath, List<String> lookups);

    /** Records every page fingerprint and article's lookups of the previous build as this build's, before a few are replaced. */
    void rememberAllPrevious();

    /** Identifies a source file's version (size and time) for fingerprints; null if unknown. */
    String state(String sourcePath);

    /** Renders everything and remembers nothing. */
    RenderCache NONE = new RenderCache() {
        @Override
        public long globalFingerprint() {
            return 0;
        }

        @Override
        public OptionalLong previous(String outputFile) {
            return OptionalLong.empty();
        }

        @Override
        public void remember(String outputFile, long fingerprint) {
        }

        @Override
        public List<String> lookups(String sourcePath) {
            return List.of();
        }

        @Override
        public void rememberLookups(String sourcePath, List<String> lookups) {
        }

        @Override
        public void rememberAllPrevious() {
        }

        @Override
        public String state(String sourcePath) {
            return null;
        }
    };
}
