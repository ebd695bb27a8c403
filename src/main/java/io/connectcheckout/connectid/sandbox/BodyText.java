package io.connectcheckout.connectid.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The text of an Order API body: decoded strictly (bytes that are not text in the body's charset,
 * UTF-8 unless the {@code Content-Type} names another, are refused, never replaced), and every
 * string of the read wire record free of control characters, lone surrogates and noncharacters
 * (RFC 8259 §8.1: JSON text is UTF-8; §8.2: strings with unpaired surrogates may break the
 * software that receives them). Found by the outside attack on issue 13: a last name with a NUL
 * in it, one that was a lone high surrogate, and the bytes {@code FF FE} were stored and served back.
 */
final class BodyText {

    /** What a lenient decoding puts where the bytes were not text. */
    static final char REPLACEMENT = '\uFFFD';

    /** The decoded body; {@code malformed} when some bytes were not text and were replaced by U+FFFD. */
    record Decoded(String text, boolean malformed) {
    }

    private BodyText() {
    }

    static Decoded decode(byte[] body, Charset charset) {
        try {
            return new Decoded(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString(), false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(body, charset), true);
        }
    }

    /** True when {@code s} holds a character no field of the API takes: see the class comment. */
    static boolean unreadable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path ({@code payer.lastName}, {@code orderLines[0].description}) of the first string in a
     * read wire record (records, lists and maps of them) that {@code bad} matches; empty when none.
     */
    static Optional<String> find(Object value, Predicate<String> bad) {
        return find(value, bad, "");
    }

    private static Optional<String> find(Object value, Predicate<String> bad, String path) {
        if (value instanceof String s) {
            return bad.test(s) ? Optional.of(path.isEmpty() ? "the body" : path) : Optional.empty();
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                Optional<String> found = find(item, bad, path + "[" + i++ + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String at = (path.isEmpty() ? "" : path + ".") + e.getKey();
                Optional<String> found = find(e.getKey(), bad, at).or(() -> find(e.getValue(), bad, at));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Optional<String> found = find(read(component, value), bad,
                        (path.isEmpty() ? "" : path + ".") + component.getName());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of a wire record", e);
        }
    }
}
