package io.connectcheckout.connectid.sandbox;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes the Order API's wire records ({@code io.connectcheckout.connectid.api}) as XML with root
 * {@code <data>} when the client asks for {@code application/xml} (see {@link ApiXml}). Only the
 * stand-in's resources that list XML in {@code @Produces} can be answered in XML; JSON stays first.
 */
@Provider
@Produces({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
public class ApiXmlWriter implements MessageBodyWriter<Object> {

    private static final String WIRE_PACKAGE = "io.connectcheckout.connectid.api";

    private final ApiXml xml;

    public ApiXmlWriter(ApiXml xml) {
        this.xml = xml;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getPackageName().equals(WIRE_PACKAGE) && JsonBodies.isXml(mediaType);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        xml.writer().writeValue(out, value);
    }
}
