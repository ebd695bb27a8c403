package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import jakarta.enterprise.context.ApplicationScoped;
import javax.xml.stream.XMLInputFactory;

/**
 * The Order API's XML form, for older clients that post and read XML ({@code application/xml}, root
 * element {@code <data>}; connectid-api.md "Evidence from published client code", connectid-api-notes.md
 * §0): the same wire records as the JSON form, through Jackson's XML module. Lists are wrapped
 * ({@code <emails><email>…</email></emails>}; the item element's name is not checked when reading).
 */
@ApplicationScoped
public class ApiXml {

    /** The root element of every XML body, in and out. */
    public static final String ROOT = "data";

    private final XmlMapper mapper = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(safeInput()).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    /** No DTDs and no external entities (XXE, entity expansion): a body with a DOCTYPE cannot be read. */
    private static XMLInputFactory safeInput() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return input;
    }

    /** Reads a body of {@code type}, whatever the root element is called. */
    public ObjectReader reader(Class<?> type) {
        return mapper.readerFor(type);
    }

    /** Writes a body with root element {@code <data>}. */
    public ObjectWriter writer() {
        return mapper.writer().withRootName(ROOT);
    }
}
