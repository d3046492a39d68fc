package org.tolk.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Small helper over the JDK's StAX writer, which does the escaping that hand-built XML gets wrong. */
final class Xml implements AutoCloseable {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    final XMLStreamWriter out;
    private int depth;

    Xml() {
        try {
            out = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml start(String name) throws XMLStreamException {
        newline();
        out.writeStartElement(name);
        depth++;
        return this;
    }

    Xml start(String prefix, String name, String namespace) throws XMLStreamException {
        newline();
        out.writeStartElement(prefix, name, namespace);
        depth++;
        return this;
    }

    Xml attribute(String name, String value) throws XMLStreamException {
        out.writeAttribute(name, value);
        return this;
    }

    Xml end() throws XMLStreamException {
        depth--;
        newline();
        out.writeEndElement();
        return this;
    }

    /** Ends an element whose text content was just written, without a line break before the end tag. */
    Xml endInline() throws XMLStreamException {
        depth--;
        out.writeEndElement();
        return this;
    }

    /** An element with text and no children, on one line. */
    Xml element(String name, String text) throws XMLStreamException {
        newline();
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
        return this;
    }

    Xml empty(String name) throws XMLStreamException {
        newline();
        out.writeEmptyElement(name);
        return this;
    }

    Xml empty(String prefix, String name, String namespace) throws XMLStreamException {
        newline();
        out.writeEmptyElement(prefix, name, namespace);
        return this;
    }

    private void newline() throws XMLStreamException {
        out.writeCharacters("\n" + "  ".repeat(Math.max(0, depth)));
    }

    byte[] toBytes() throws XMLStreamException {
        out.writeCharacters("\n");
        out.writeEndDocument();
        out.flush();
        return bytes.toByteArray();
    }

    @Override
    public void close() throws XMLStreamException {
        out.close();
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
