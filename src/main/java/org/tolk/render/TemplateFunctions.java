package org.tolk.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tolk.site.Urls;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;

/** The functions templates call: {@code t}, {@code strings(lang)} and {@code asset(name)}. */
final class TemplateFunctions {
    private TemplateFunctions() {
    }

    /** {@code ${t.home}} and {@code ${t("pageOf", 2, 7)}}: one language's UI strings, as a hash and as a function. */
    static final class StringsModel implements TemplateHashModel, TemplateMethodModelEx {
        private final Strings strings;

        StringsModel(Strings strings) {
            this.strings = strings;
        }

        @Override
        public TemplateModel get(String key) {
            return new SimpleScalar(strings.get(key));
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            if (arguments.isEmpty()) {
                throw new TemplateModelException("t(…) needs the key of a UI string, as in t(\"pageOf\", 2, 7)");
            }
            String key = text(arguments.get(0));
            List<Object> values = new ArrayList<>();
            for (Object argument : arguments.subList(1, arguments.size())) {
                values.add(argument instanceof TemplateNumberModel n ? n.getAsNumber() : text(argument));
            }
            try {
                return new SimpleScalar(strings.format(key, values.toArray()));
            } catch (IllegalArgumentException e) {
                throw new TemplateModelException("UI string '" + key + "' is not a valid message format: " + e.getMessage());
            }
        }
    }

    /** {@code strings("en")}: another language's strings, for pages that speak to every language (chooser, 404). */
    static final class OtherStrings implements TemplateMethodModelEx {
        private final Map<String, Strings> strings;

        OtherStrings(Map<String, Strings> strings) {
            this.strings = strings;
        }

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            String key = arguments.isEmpty() ? "" : text(arguments.get(0));
            Strings table = strings.get(key);
            if (table == null) {
                throw new TemplateModelException("strings(\"" + key + "\"): no such language in site.yaml " + strings.keySet());
            }
            return new StringsModel(table);
        }
    }

    /** {@code asset("tolk.css")}: the URL of a theme asset, or an error if the theme has no such file. */
    static final class AssetUrl implements TemplateMethodModelEx {
        private final Urls urls;
        private final java.util.Set<String> names;

        AssetUrl(Urls urls, List<String> names) {
            this.urls = urls;
            this.names = java.util.Set.copyOf(names);
        }

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            String name = arguments.isEmpty() ? "" : text(arguments.get(0));
            if (!names.contains(name)) {
                throw new TemplateModelException("asset(\"" + name + "\"): there is no templates/assets/" + name);
            }
            return new SimpleScalar(urls.href(urls.asset(name)));
        }
    }

    private static String text(Object argument) throws TemplateModelException {
        if (argument instanceof TemplateScalarModel scalar) {
            return scalar.getAsString();
        }
        if (argument instanceof TemplateNumberModel number) {
            return number.getAsNumber().toString();
        }
        throw new TemplateModelException("expected text, found " + argument);
    }
}
