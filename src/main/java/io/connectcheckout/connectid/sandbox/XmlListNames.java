package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.xml.JacksonXmlModule;
import java.util.Collection;
import java.util.Locale;

/**
 * Names the elements of a list in the Order API's XML answers: the wrapper keeps the JSON field's
 * name and each item is that name in the singular ({@code orders} → {@code <orders><order>…},
 * {@code categories} → {@code category}, {@code accesses} → {@code access}). Jackson's default
 * repeats the field's name ({@code <orders><orders>…}, found by the outside attack, finding 9).
 * No published client shows the real service's list shape; this is the usual JAXB/Jackson form and
 * the one {@link ApiXml} already read. A name with no plural ending gets items called {@code item}.
 */
final class XmlListNames extends JacksonXmlModule {

    @Override
    protected AnnotationIntrospector _constructIntrospector() {
        return new SingularItems();
    }

    /** The name of one item of a list called {@code plural}. */
    static String singular(String plural) {
        String lower = plural.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ies") && plural.length() > 3) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (lower.endsWith("sses") || lower.endsWith("xes") || lower.endsWith("ches") || lower.endsWith("shes")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && plural.length() > 1) {
            return plural.substring(0, plural.length() - 1);
        }
        return "item";
    }

    private static final class SingularItems extends JacksonXmlAnnotationIntrospector {

        SingularItems() {
            super(true);
        }

        @Override
        public PropertyName findWrapperName(Annotated member) {
            return isList(member) ? PropertyName.construct(jsonName(member)) : super.findWrapperName(member);
        }

        @Override
        public PropertyName findNameForSerialization(Annotated member) {
            return isList(member) ? PropertyName.construct(singular(jsonName(member)))
                    : super.findNameForSerialization(member);
        }

        private String jsonName(Annotated member) {
            PropertyName explicit = super.findNameForSerialization(member);
            if (explicit != null && explicit.hasSimpleName()) {
                return explicit.getSimpleName();
            }
            String name = member.getName();
            if (member instanceof AnnotatedMethod && name.length() > 3 && name.startsWith("get")
                    && Character.isUpperCase(name.charAt(3))) {
                return Character.toLowerCase(name.charAt(3)) + name.substring(4);
            }
            return name;
        }

        private static boolean isList(Annotated member) {
            Class<?> raw = member.getRawType();
            return raw != null && (Collection.class.isAssignableFrom(raw) || (raw.isArray() && raw != byte[].class));
        }
    }
}
