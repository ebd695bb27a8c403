package io.connectcheckout.connectid.sandbox;

/**
 * Text the client sent (a JSON field name, an XML element name) as an Order API error message
 * may repeat it: cut to {@value #MAX} characters and "…", and a whole field path to
 * {@value #MAX_PATH}. Found by the second outside attack: an element name of 200 000 characters
 * came back whole in the error body (228 KB).
 */
final class ClientText {

    /** The most characters of one name an error message repeats. */
    static final int MAX = 64;

    /** The most characters of a field path ({@code payer.emails[0]}) an error message repeats. */
    static final int MAX_PATH = 256;

    private ClientText() {
    }

    /** {@code name}, or its first {@value #MAX} characters and "…". */
    static String echo(String name) {
        return cut(name, MAX);
    }

    /** A path built from echoed names, or its first {@value #MAX_PATH} characters and "…". */
    static String path(String path) {
        return cut(path, MAX_PATH);
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        // Never end on half a surrogate pair.
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
