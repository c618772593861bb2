package org.casegraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.casegraph.entity.Entity;

/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd and Cytoscape, written with
 * the JDK's {@link XMLStreamWriter}: the keys of {@link Attributes} declared first, then
 * nodes and edges as the pages come. GraphML's schema allows an XML name token as a
 * node's or edge's id, which CaseGraph's {@code /} and {@code |} are not: the XML id
 * reads {@code person.alexander-trofimov} (as in the FtM export), and the CaseGraph id is
 * kept whole in the {@code id} attribute.
 */
final class GraphMlWriter implements ExportWriter {

    static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

    private static final List<String> NODE = Stream.concat(Stream.of("id"), Attributes.NODE.stream()).toList();

    private static final List<String> EDGE = Stream.concat(Stream.of("id"), Attributes.EDGE.stream()).toList();

    private final OutputStream out;

    private final XMLStreamWriter xml;

    private final Written written = new Written();

    GraphMlWriter(OutputStream out) throws IOException {
        this.out = out;
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            this.xml.writeStartDocument("UTF-8", "1.0");
            this.xml.writeCharacters("\n");
            this.xml.writeStartElement("graphml");
            this.xml.writeDefaultNamespace(NAMESPACE);
            this.xml.writeCharacters("\n");
            keys("node", "n_", NODE);
            keys("edge", "e_", EDGE);
            this.xml.writeStartElement("graph");
            this.xml.writeAttribute("id", "casegraph");
            this.xml.writeAttribute("edgedefault", "directed");
            this.xml.writeCharacters("\n");
        }
        catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    private void keys(String domain, String prefix, List<String> names) throws XMLStreamException {
        for (String name : names) {
            this.xml.writeEmptyElement("key");
            this.xml.writeAttribute("id", prefix + name);
            this.xml.writeAttribute("for", domain);
            this.xml.writeAttribute("attr.name", name);
            this.xml.writeAttribute("attr.type", "sourceCount".equals(name) ? "int" : "string");
            this.xml.writeCharacters("\n");
        }
    }

    @Override
    public void entities(List<Entity> page, Map<String, Entity> documents) throws IOException {
        try {
            for (Entity entity : page) {
                this.xml.writeStartElement("node");
                this.xml.writeAttribute("id", xmlId(entity.id()));
                data("n_", NODE, with(entity.id(), Attributes.of(entity)));
                this.xml.writeEndElement();
                this.xml.writeCharacters("\n");
                this.written.entity();
            }
            this.xml.flush();
        }
        catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    @Override
    public void relationships(List<ExportRepository.Link> page, Map<String, Entity> documents) throws IOException {
        try {
            for (ExportRepository.Link link : page) {
                this.xml.writeStartElement("edge");
                this.xml.writeAttribute("id", xmlId(link.relationship().id()));
                this.xml.writeAttribute("source", xmlId(link.relationship().fromId()));
                this.xml.writeAttribute("target", xmlId(link.relationship().toId()));
                data("e_", EDGE, with(link.relationship().id(), Attributes.of(link.relationship())));
                this.xml.writeEndElement();
                this.xml.writeCharacters("\n");
                this.written.relationship();
            }
            this.xml.flush();
        }
        catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    /**
     * A CaseGraph id as an XML name token: {@code person/x} reads {@code person.x}, and a
     * relationship's {@code a|TYPE|b} reads {@code a:TYPE:b}.
     */
    static String xmlId(String id) {
        return id.replace('/', '.').replace('|', ':');
    }

    private static List<String> with(String id, List<String> values) {
        List<String> all = new ArrayList<>(values.size() + 1);
        all.add(id);
        all.addAll(values);
        return all;
    }

    private void data(String prefix, List<String> names, List<String> values) throws XMLStreamException {
        for (int i = 0; i < names.size(); i++) {
            if (values.get(i) != null) {
                this.xml.writeStartElement("data");
                this.xml.writeAttribute("key", prefix + names.get(i));
                this.xml.writeCharacters(values.get(i));
                this.xml.writeEndElement();
            }
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            this.xml.writeEndElement();
            this.xml.writeCharacters("\n");
            this.xml.writeEndElement();
            this.xml.writeCharacters("\n");
            this.xml.writeEndDocument();
            this.xml.flush();
            this.out.flush();
        }
        catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    @Override
    public Written written() {
        return this.written;
    }

}
