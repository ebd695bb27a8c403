package io.connectcheckout.connectid.sandbox;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxIOException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The Order API's XML form, for older clients that post and read XML ({@code application/xml} or
 * {@code text/xml}, root element {@code <data>}; connectid-api.md "Evidence from published client
 * code", connectid-api-notes.md §0): the same wire records as the JSON form, through Jackson's XML
 * module. A list is one element named as the JSON field, around one element per item named in the
 * singular ({@code <orders><order>…</order></orders>}, {@code <emails><email>…</email></emails>};
 * {@link XmlListNames}); the item element's name is not checked when reading.
 *
 * <p>No DTDs: the parser neither reads nor resolves them (no external entities, no entity
 * expansion), and a body that has a {@code <!DOCTYPE …>} at all is refused (400
 * {@code ValidationException}) — the parser reports the DOCTYPE and {@link #read} stops there, so
 * nothing a DTD declares can change how the order is read.
 */
@ApplicationScoped
public class ApiXml {

    /** The root element of every XML body, in and out. */
    public static final String ROOT = "data";

    /** The deepest an XML body may nest elements: as deep as a JSON body may nest (Jackson's default). */
    static final int MAX_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    private final XMLInputFactory input = safeInput();
    private final XmlMapper reader = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(input).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();
    private final XmlMapper writer = new XmlMapper(new XmlFactory(), new XmlListNames());

    private static XMLInputFactory safeInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        return factory;
    }

    /**
     * Reads a body of {@code type}, whatever the root element is called.
     *
     * @throws ApiException 400 {@code ValidationException} for a body with a DOCTYPE or a broken
     *     prolog, or one nested deeper than {@value #MAX_DEPTH} elements
     * @throws IOException Jackson's reading errors (a broken body, a value of the wrong kind)
     */
    public <T> T read(String body, Class<T> type) throws IOException {
        XMLStreamReader stream;
        try {
            stream = input.createXMLStreamReader(new StringReader(body));
            while (stream.getEventType() != XMLStreamConstants.START_ELEMENT) {
                if (stream.getEventType() == XMLStreamConstants.DTD) {
                    throw ApiException.validation("Malformed XML: a DOCTYPE is not allowed");
                }
                if (!stream.hasNext()) {
                    throw ApiException.validation("Malformed XML: the body must be an XML document");
                }
                stream.next();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
            throw ApiException.validation("Malformed XML: unreadable" + where);
        }
        checkShape(body, type);
        try {
            return reader.readValue(stream, type);
        } catch (IOException e) {
            // Woodstox checks the depth as it enters an element: at the limit, it is the depth that failed.
            if (stream instanceof XMLStreamReader2 counted && counted.getDepth() >= MAX_DEPTH) {
                throw ApiException.validation("Malformed XML: " + ParseMessages.nestedTooDeeply(MAX_DEPTH));
            }
            throw e;
        }
    }

    /**
     * Refuses what Jackson's XML module would read silently (outside attack of 2026-12-08): an
     * attribute ({@code <data paymentMethod="nexi">} was read as a field, beside or over the element)
     * and a single-value element sent twice (read as its last value, as a JSON name sent twice was;
     * RFC 8259 §4's kind of doubt, what a client logged and what was stored could differ). Items of
     * a list repeat, as XML writes lists: children of an element named as a list field of
     * {@code type} ({@link #listFields}). A first pass over the events with its own reader; anything
     * it cannot read is left to the reading that follows, which reports it.
     */
    private void checkShape(String body, Class<?> type) {
        Set<String> lists = listFields(type);
        Deque<String> path = new ArrayDeque<>();
        Deque<Set<String>> seen = new ArrayDeque<>();
        try {
            XMLStreamReader events = input.createXMLStreamReader(new StringReader(body));
            while (events.hasNext()) {
                int event = events.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = events.getLocalName();
                    if (events.getAttributeCount() > 0) {
                        throw ApiException.validation("Malformed XML: <" + ClientText.echo(name) + "> has an attribute ("
                                + ClientText.echo(events.getAttributeLocalName(0)) + "); send each field as an element");
                    }
                    boolean listItem = !path.isEmpty() && lists.contains(path.peek());
                    if (!seen.isEmpty() && !listItem && !seen.peek().add(name)) {
                        java.util.List<String> steps = new java.util.ArrayList<>(path);
                        java.util.Collections.reverse(steps);
                        steps.remove(0); // the root element, named however the client likes
                        steps.add(name);
                        throw ApiException.validation("Malformed XML: "
                                + ClientText.path(String.join(".", steps.stream().map(ClientText::echo).toList()))
                                + " is sent twice");
                    }
                    path.push(name);
                    seen.push(new HashSet<>());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                    seen.pop();
                }
            }
        } catch (XMLStreamException | RuntimeException unreadable) {
            if (unreadable instanceof ApiException refused) {
                throw refused;
            }
            // Broken XML: the reading that follows says where.
        }
    }

    /** The names of the list fields of {@code type} and of the records it holds, as the XML names them. */
    private Set<String> listFields(Class<?> type) {
        return LIST_FIELDS.computeIfAbsent(type, t -> {
            Set<String> names = new HashSet<>();
            collectListFields(reader.constructType(t), names, new HashSet<>());
            return Set.copyOf(names);
        });
    }

    private void collectListFields(JavaType type, Set<String> names, Set<Class<?>> visited) {
        if (type.isContainerType()) {
            if (type.getContentType() != null) {
                collectListFields(type.getContentType(), names, visited);
            }
            return;
        }
        Class<?> raw = type.getRawClass();
        if (raw.isPrimitive() || raw.isEnum() || raw.getName().startsWith("java.") || !visited.add(raw)) {
            return;
        }
        for (BeanPropertyDefinition property : reader.getDeserializationConfig().introspect(type).findProperties()) {
            JavaType propertyType = property.getPrimaryType();
            if (propertyType.isCollectionLikeType() || propertyType.isArrayType()) {
                names.add(property.getName());
            }
            collectListFields(propertyType, names, visited);
        }
    }

    private static final Map<Class<?>, Set<String>> LIST_FIELDS = new ConcurrentHashMap<>();

    /**
     * The encoding an XML body gives for itself, for a body whose media type has no charset
     * parameter (RFC 7303 §3.2: then the byte order mark decides, else the XML declaration's
     * {@code encoding}, else UTF-8; XML 1.0 §4.3.3 and Appendix F). The parser reads them: it looks
     * at the first bytes and the declaration only, and is closed before it reads any element.
     *
     * @throws ApiException 400 {@code ValidationException} when the declaration names an encoding
     *     this server does not know, or the first bytes and the declaration cannot be read
     */
    public Charset encoding(byte[] body) {
        if (body.length == 0) {
            return StandardCharsets.UTF_8;
        }
        XMLStreamReader stream = null;
        try {
            stream = input.createXMLStreamReader(new ByteArrayInputStream(body));
            return stream.getEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(stream.getEncoding());
        } catch (XMLStreamException e) {
            // Woodstox answers an encoding it cannot read with a bare WstxIOException ("Unsupported
            // encoding", no cause); from bytes in memory nothing else can fail with an I/O error, and
            // a broken declaration is a WstxParsingException.
            if (e instanceof WstxIOException) {
                throw unsupportedEncoding();
            }
            throw ApiException.validation("Malformed XML: its first bytes and XML declaration cannot be read");
        } catch (IllegalArgumentException javaDoesNotKnowIt) {
            throw unsupportedEncoding();
        } finally {
            close(stream);
        }
    }

    private static ApiException unsupportedEncoding() {
        return ApiException.validation("Malformed XML: the encoding its XML declaration names is not supported");
    }

    private static void close(XMLStreamReader stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (XMLStreamException ignored) {
                // Nothing was read past the declaration; there is nothing left to release.
            }
        }
    }

    /** Writes a body with root element {@code <data>}. */
    public ObjectWriter writer() {
        return writer.writer().withRootName(ROOT);
    }
}
