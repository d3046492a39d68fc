package org.tolk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import nu.validator.validation.SimpleDocumentValidator;

/** The Nu HTML Checker (the W3C's validator) run in-process over generated pages. */
public final class HtmlChecker {
    private HtmlChecker() {
    }

    /** Errors in every .html file under {@code folder}, as "file:line:column: message". */
    public static List<String> errors(Path folder) {
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getSystemId() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        try (Stream<Path> files = Files.walk(folder)) {
            SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, true);
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
            validator.setUpValidatorAndParsers(handler, false, false);
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                validator.checkHtmlFile(file.toFile(), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML Checker failed", e);
        }
        return errors;
    }
}
