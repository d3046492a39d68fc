package org.tolk.content;

/**
 * A file under {@code content/} that is not Markdown (an image, a PDF): published as is, at its
 * path relative to {@code content/}.
 */
public record StaticFile(String sourcePath, String contentPath) {
}
