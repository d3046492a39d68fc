/**
 * The translator's workflow: scaffolding new sites, articles and translations, and knowing when a
 * translation has fallen behind its original.
 *
 * <p>A translation records which version of its original it was made from, as a content hash in
 * front matter ({@code translatedFrom: sha256:…}, see {@link org.tolk.translate.ArticleText#hash()}).
 * {@link org.tolk.translate.TranslationStatus} compares that hash with the original's current text:
 * a difference means the translation is stale. A copy of the original's text at that version may be
 * kept in {@code .tolk/translations/} ({@link org.tolk.translate.Snapshots}), so that Tolk can also say
 * how much of the original changed, and which paragraphs.
 *
 * <p>Nothing here prints or exits: the {@code tolk new}, {@code tolk translate} and {@code tolk status}
 * commands are thin layers over these classes, and the preview can use {@link org.tolk.translate.TranslationStatus}
 * for its translator view.
 */
package org.tolk.translate;
